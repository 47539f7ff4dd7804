package dev.sanctions.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The one rule for an instant a person types, on the command line ({@code --as-of}, {@code --from},
 * {@code replay as-of}) and in the HTTP API ({@code ?asOf=}): an ISO-8601 date-time with {@code Z} or an offset
 * ({@code 2022-03-01T00:00:00Z}, {@code 2022-03-01T09:00:00+09:00}), or a bare date meaning the last millisecond
 * of that day in UTC. So "as of 1 March" includes everything published on 1 March, and "from 1 March" starts
 * after it: one meaning of a date everywhere, rather than one per option.
 */
public final class InstantText {

    /** What to write instead, for the messages of the callers that refuse a text. */
    public static final String EXAMPLES =
            "2022-04-08T01:00:00Z, 2022-04-08T10:00:00+09:00 or a date such as 2022-04-08 (its last millisecond, UTC)";

    private InstantText() {}

    /**
     * The instant {@code text} names.
     *
     * @throws IllegalArgumentException naming the text and what to write instead
     */
    public static Instant parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return endOfDay(LocalDate.parse(value));
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException("'" + text + "' is not an instant; write e.g. " + EXAMPLES);
            }
        }
    }

    /** The last millisecond of {@code date} in UTC: instants are kept to the millisecond on every topic. */
    static Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
    }
}
