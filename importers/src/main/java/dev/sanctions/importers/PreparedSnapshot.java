package dev.sanctions.importers;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.TargetKind;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A list file read once and found valid: the snapshot announcement without its entries ({@link #header()}), how many
 * entries it has and their encoded sizes, and a way to hand them over to publish them: the entries the first pass
 * kept, or, for a list too large to keep, the file read again, streamed.
 */
public final class PreparedSnapshot {
    private final ListFormat format;
    private final List<Path> files;
    private final Optional<String> listOption;
    private final Announcement header;
    private final int entryCount;
    private final Map<TargetKind, Integer> kinds;
    private final PublishedAtSource publishedAtSource;
    private final String hash;
    private final Optional<List<byte[]>> encoded;
    private final int[] sizes;

    PreparedSnapshot(
            ListFormat format,
            List<Path> files,
            Optional<String> listOption,
            Announcement header,
            int entryCount,
            Map<TargetKind, Integer> kinds,
            PublishedAtSource publishedAtSource,
            String hash,
            Optional<List<byte[]>> encoded,
            int[] sizes) {
        this.format = format;
        this.files = files;
        this.listOption = listOption;
        this.header = header;
        this.entryCount = entryCount;
        this.kinds = kinds.isEmpty() ? Map.of() : new EnumMap<>(kinds);
        this.publishedAtSource = publishedAtSource;
        this.hash = hash;
        this.encoded = encoded;
        this.sizes = sizes; // a copy of its own, from the first pass
    }

    /** The snapshot announcement with every field set but its entries ({@code actions} is empty). */
    public Announcement header() {
        return Announcement.newBuilder(header).build();
    }

    public int entryCount() {
        return entryCount;
    }

    /** Entries by kind: PERSON, ORGANIZATION, VESSEL, AIRCRAFT. */
    public Map<TargetKind, Integer> kinds() {
        return Map.copyOf(kinds);
    }

    public PublishedAtSource publishedAtSource() {
        return publishedAtSource;
    }

    /**
     * Hands the entries over one by one, in list order: those the first pass kept, else read again from the files.
     *
     * @throws ListChangedException when the files, read again, no longer hold exactly the entries first read
     */
    public void forEachEntry(Consumer<Action> consumer) {
        if (encoded.isPresent()) {
            EncodedEntries.forEach(encoded.get(), consumer);
        } else {
            ListImport.forEachEntry(this, consumer);
        }
    }

    /**
     * The size of each entry in Avro's binary encoding, in list order, as the first pass measured them, whether it
     * kept the entries or not: a publisher splits them into parts without reading the file to measure them. (Always
     * present; optional as a publisher's source of entries may not know them.)
     */
    public Optional<int[]> encodedSizes() {
        return Optional.of(sizes.clone());
    }

    ListFormat format() {
        return format;
    }

    List<Path> files() {
        return files;
    }

    Optional<String> listOption() {
        return listOption;
    }

    String hash() {
        return hash;
    }

    /** The encoded size of entry {@code index} as first read. */
    int encodedSize(int index) {
        return sizes[index];
    }
}
