package dev.sanctions.producer;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A snapshot too large to hold in memory: its announcement without entries, and its entries, read afresh (streamed)
 * each time they are asked for. {@link AnnouncementPublisher#publishSnapshot} reads them twice: once to measure, once
 * to send.
 */
public interface SnapshotSource {

    /** The snapshot announcement with every field but its entries ({@code actions} empty). */
    Announcement header();

    /**
     * Hands every entry over in order, the same entries each time; throws (anything unchecked) when it cannot, which
     * aborts the publish.
     */
    void forEachEntry(Consumer<Action> entry);

    /** A snapshot read by others (an importer's prepared list): its header and its entries, each asked for afresh. */
    static SnapshotSource of(Supplier<Announcement> header, Consumer<Consumer<Action>> entries) {
        return new SnapshotSource() {
            @Override
            public Announcement header() {
                return header.get();
            }

            @Override
            public void forEachEntry(Consumer<Action> entry) {
                entries.accept(entry);
            }
        };
    }

    /** A snapshot held whole in memory (from an announcement file). */
    static SnapshotSource of(Announcement snapshot) {
        Announcement header = Announcement.newBuilder(snapshot)
                .setActions(java.util.List.of())
                .build();
        return new SnapshotSource() {
            @Override
            public Announcement header() {
                return header;
            }

            @Override
            public void forEachEntry(Consumer<Action> entry) {
                snapshot.getActions().forEach(entry);
            }
        };
    }
}
