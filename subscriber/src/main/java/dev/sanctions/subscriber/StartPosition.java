package dev.sanctions.subscriber;

import dev.sanctions.core.InstantText;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a subscriber without committed offsets starts reading notifications.
 *
 * <p>With a consumer group, offsets the group has committed always win; the start position applies only to
 * partitions for which the group has none. A topic that appears after the subscriber started is read from its
 * beginning, since everything in it is newer than the start.
 */
public sealed interface StartPosition {

    /** Every notification the topics still hold. */
    StartPosition BEGINNING = new Beginning();
    /** Only notifications committed after the subscriber started (the default). */
    StartPosition LATEST = new Latest();

    /** Every notification the topics still hold. */
    record Beginning() implements StartPosition {
        @Override
        public String toString() {
            return "beginning";
        }
    }

    /** Only notifications committed after the subscriber started. */
    record Latest() implements StartPosition {
        @Override
        public String toString() {
            return "latest";
        }
    }

    /**
     * From the first notification, per partition, whose record timestamp is at or after {@code instant}. The
     * processor stamps notifications with the announcement's {@code publishedAt}; since announcements need not
     * arrive in publication order, later records may still carry earlier timestamps and are delivered too.
     */
    record AtInstant(Instant instant) implements StartPosition {
        public AtInstant {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public String toString() {
            return instant.toString();
        }
    }

    /**
     * Reads {@code beginning}, {@code latest} (any case) or an instant as {@link InstantText} reads one everywhere:
     * {@code 2022-04-08T01:00:00Z}, {@code 2022-04-08T10:00:00+09:00}, or a bare date (its first millisecond, UTC, so
     * the whole day is read).
     *
     * @throws IllegalArgumentException with a message fit for the user when the text is none of these
     */
    static StartPosition parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "beginning":
                return BEGINNING;
            case "latest":
                return LATEST;
            default:
                break;
        }
        try {
            return new AtInstant(InstantText.from(trimmed));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected 'beginning', 'latest' or an ISO-8601 instant such as "
                    + InstantText.EXAMPLES + ", got '" + text + "'");
        }
    }
}
