package dev.sanctions.core;

import java.util.Locale;
import java.util.Objects;

/**
 * The names of the contract topics (docs/topics.md), all carrying one optional prefix.
 *
 * <p>The prefix is prepended verbatim, so {@code --topic-prefix staging.} gives
 * {@code staging.sanctions.announcements}: the operator chooses the separator.
 */
public record Topics(String prefix) {

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** The names without a prefix. */
    public static Topics unprefixed() {
        return new Topics("");
    }

    /** The names with {@code prefix} in front; {@code null} means none. */
    public static Topics withPrefix(String prefix) {
        return new Topics(prefix == null ? "" : prefix);
    }

    public String announcements() {
        return prefix + "sanctions.announcements";
    }

    public String designations() {
        return prefix + "sanctions.designations";
    }

    public String changes() {
        return prefix + "sanctions.changes";
    }

    /** The notifications of one jurisdiction: {@code sanctions.changes.jp} for {@code JP}. */
    public String changes(String jurisdiction) {
        return changes() + "." + jurisdiction.toLowerCase(Locale.ROOT);
    }

    public String rejected() {
        return prefix + "sanctions.rejected";
    }

    /** One receipt per announcement the processor read: what became of its actions. */
    public String receipts() {
        return prefix + "sanctions.receipts";
    }

    public String dlq() {
        return prefix + "sanctions.dlq";
    }
}
