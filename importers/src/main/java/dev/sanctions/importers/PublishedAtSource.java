package dev.sanctions.importers;

/** Where a snapshot's {@code publishedAt} came from, in the order they are tried. */
public enum PublishedAtSource {
    /** The file's own date (UN {@code dateGenerated}, OFAC {@code Publish_Date}, EU {@code generationDate}). */
    FILE("the file's own date"),
    /** {@code --published-at}, for a file that carries no date. */
    OPTION("--published-at"),
    /** The file's modification time, when neither gives one. */
    MODIFICATION_TIME("the file's modification time");

    private final String description;

    PublishedAtSource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
