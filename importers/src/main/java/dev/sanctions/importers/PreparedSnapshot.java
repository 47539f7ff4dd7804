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
 * entries it has, and a way to read them again, streamed, to publish them.
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

    PreparedSnapshot(
            ListFormat format,
            List<Path> files,
            Optional<String> listOption,
            Announcement header,
            int entryCount,
            Map<TargetKind, Integer> kinds,
            PublishedAtSource publishedAtSource,
            String hash) {
        this.format = format;
        this.files = files;
        this.listOption = listOption;
        this.header = header;
        this.entryCount = entryCount;
        this.kinds = kinds.isEmpty() ? Map.of() : new EnumMap<>(kinds);
        this.publishedAtSource = publishedAtSource;
        this.hash = hash;
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
     * Reads the entries again and hands them over one by one, in list order.
     *
     * @throws ListChangedException when the files no longer hold exactly the entries first read
     */
    public void forEachEntry(Consumer<Action> consumer) {
        ListImport.forEachEntry(this, consumer);
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
}
