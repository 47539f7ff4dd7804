package dev.sanctions.core;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Snapshot;
import java.util.ArrayList;
import java.util.List;

/** Splits a snapshot into parts as the publisher does: consecutive entries, each part carrying its firstIndex. */
final class SnapshotParts {
    private SnapshotParts() {}

    static List<Announcement> split(Announcement whole, int entriesPerPart) {
        int total = whole.getActions().size();
        int parts = Math.max(1, (total + entriesPerPart - 1) / entriesPerPart);
        List<Announcement> out = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            int from = part * entriesPerPart;
            int to = Math.min(total, from + entriesPerPart);
            out.add(Announcement.newBuilder(whole)
                    .setActions(new ArrayList<>(whole.getActions().subList(from, to)))
                    .setSnapshot(Snapshot.newBuilder(whole.getSnapshot())
                            .setPart(part)
                            .setParts(parts)
                            .setFirstIndex(from)
                            .build())
                    .build());
        }
        return out;
    }
}
