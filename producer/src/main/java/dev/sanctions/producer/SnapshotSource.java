package dev.sanctions.producer;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A snapshot published without holding its entries as objects: its announcement without entries, and its entries,
 * handed over afresh (decoded from memory, or read from a file, streamed) each time they are asked for.
 * {@link AnnouncementPublisher#publishSnapshot} asks for them twice: once to measure, once to send; or only once, to
 * send, when the source knows their sizes ({@link #encodedSizes()}).
 */
public interface SnapshotSource {

    /** The snapshot announcement with every field but its entries ({@code actions} empty). */
    Announcement header();

    /**
     * Hands every entry over in order, the same entries each time; throws (anything unchecked) when it cannot, which
     * aborts the publish.
     */
    void forEachEntry(Consumer<Action> entry);

    /**
     * The size of each entry in Avro's binary encoding, in order, when the source knows them without encoding the
     * entries (it measured them when it first read them); empty when they have to be measured by reading the entries
     * once more. The parts are split by these sizes as given: a source whose entries may change between reads must
     * refuse, in {@link #forEachEntry}, an entry whose size is not the one it told (an importer's list does).
     */
    default Optional<int[]> encodedSizes() {
        return Optional.empty();
    }

    /**
     * A snapshot read by others (an importer's prepared list): its header and its entries, each asked for afresh,
     * and the entries' encoded sizes when the source knows them.
     */
    static SnapshotSource of(
            Supplier<Announcement> header, Consumer<Consumer<Action>> entries, Supplier<Optional<int[]>> encodedSizes) {
        return new SnapshotSource() {
            @Override
            public Announcement header() {
                return header.get();
            }

            @Override
            public void forEachEntry(Consumer<Action> entry) {
                entries.accept(entry);
            }

            @Override
            public Optional<int[]> encodedSizes() {
                return encodedSizes.get();
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
