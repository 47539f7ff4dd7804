package dev.sanctions.producer;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.core.AnnouncementSize;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * How a snapshot travels on the announcements topic (docs/announcement-format.md#snapshots): as consecutive parts, each the
 * snapshot's announcement with a run of its entries and {@code snapshot.part}, {@code parts} and
 * {@code firstIndex} set, each at most the part limit in bytes. A part is filled greedily in entry order, so the
 * same snapshot always splits the same way.
 */
final class SnapshotParts {
    /**
     * Room for what the header's measure misses: the entries' array count and the part numbers at their largest
     * (varints of up to five bytes each).
     */
    private static final int MARGIN_BYTES = 32;

    private final Announcement header;
    private final List<Integer> counts;

    private SnapshotParts(Announcement header, List<Integer> counts) {
        this.header = header;
        this.counts = List.copyOf(counts);
    }

    /**
     * Measures every entry of {@code source} (or takes the sizes it knows) and plans the parts.
     *
     * @throws InvalidAnnouncementsException when one entry alone is larger than a part may be
     */
    static SnapshotParts plan(SnapshotSource source, int partBytes) {
        Announcement header = source.header();
        Planner planner = new Planner(header, partBytes);
        Optional<int[]> known = source.encodedSizes();
        if (known.isPresent()) {
            for (int size : known.get()) {
                planner.add(size);
            }
        } else {
            Counter counter = new Counter();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(counter, null);
            SpecificDatumWriter<Action> writer = new SpecificDatumWriter<>(Action.class);
            source.forEachEntry(entry -> {
                counter.bytes = 0;
                try {
                    writer.write(entry, encoder);
                    encoder.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("measuring writes nowhere", e);
                }
                planner.add(counter.bytes);
            });
        }
        return planner.plan();
    }

    /** Fills parts greedily, in entry order, from the entries' encoded sizes. */
    private static final class Planner {
        private final Announcement header;
        private final int partBytes;
        private final long headerBytes;
        private final List<Integer> counts = new ArrayList<>();
        private final List<String> tooLarge = new ArrayList<>();
        private long used;
        private int inPart;
        private int index;

        Planner(Announcement header, int partBytes) {
            this.header = header;
            this.partBytes = partBytes;
            this.headerBytes = AnnouncementSize.of(header) + MARGIN_BYTES;
            this.used = headerBytes;
        }

        void add(long size) {
            if (headerBytes + size > partBytes) {
                tooLarge.add("announcements[0] (" + header.getAnnouncementId() + "): actions[" + index
                        + "]: the entry is " + size + " bytes, more than one part of a snapshot may hold ("
                        + (partBytes - headerBytes) + ")");
            }
            if (inPart > 0 && used + size > partBytes) {
                counts.add(inPart);
                used = headerBytes;
                inPart = 0;
            }
            used += size;
            inPart++;
            index++;
        }

        SnapshotParts plan() {
            if (!tooLarge.isEmpty()) {
                throw new InvalidAnnouncementsException(tooLarge);
            }
            if (inPart > 0) {
                counts.add(inPart);
            }
            return new SnapshotParts(header, counts);
        }
    }

    int parts() {
        return counts.size();
    }

    int entries() {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Reads the entries again and hands each part over as soon as it is full.
     *
     * @throws IllegalStateException when the source gives other entries than when it was measured
     */
    void forEachPart(SnapshotSource source, Consumer<Announcement> part) {
        List<Action> entries = new ArrayList<>();
        int[] state = {0, 0}; // the part being filled, the index of its first entry
        source.forEachEntry(entry -> {
            if (state[0] >= counts.size()) {
                throw new IllegalStateException("the snapshot has more entries than when it was measured");
            }
            entries.add(entry);
            if (entries.size() == counts.get(state[0])) {
                part.accept(part(state[0], state[1], entries));
                state[1] += entries.size();
                state[0]++;
                entries.clear();
            }
        });
        if (state[0] != counts.size() || !entries.isEmpty()) {
            throw new IllegalStateException("the snapshot has fewer entries than when it was measured");
        }
    }

    private Announcement part(int part, int firstIndex, List<Action> entries) {
        Snapshot snapshot = Snapshot.newBuilder(header.getSnapshot())
                .setPart(part)
                .setParts(counts.size())
                .setFirstIndex(firstIndex)
                .build();
        return Announcement.newBuilder(header)
                .setActions(List.copyOf(entries))
                .setSnapshot(snapshot)
                .build();
    }

    private static final class Counter extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
