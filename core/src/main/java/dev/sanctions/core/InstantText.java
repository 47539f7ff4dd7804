package dev.sanctions.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one rule for an instant a person types, on the command line ({@code --as-of}, {@code --from},
 * {@code replay as-of}) and in the HTTP API ({@code ?asOf=}): an ISO-8601 date-time with {@code Z} or an offset
 * ({@code 2022-03-01T00:00:00Z}, {@code 2022-03-01T09:00:00+09:00}), or a bare date, which stands for the whole
 * of that day in UTC. So "as of 1 March" ({@link #asOf}) includes everything published on 1 March, and "from
 * 1 March" ({@link #from}) starts with it: a date never leaves out part of the day it names.
 */
public final class InstantText {

    /** What to write instead, for the messages of the callers that refuse a text. */
    public static final String EXAMPLES =
            "2022-04-08T01:00:00Z, 2022-04-08T10:00:00+09:00 or a date such as 2022-04-08 (the whole day, UTC)";

    private InstantText() {}

    /**
     * The instant a state is wanted as of: a bare date is the last millisecond of that day in UTC, so the whole day
     * is in.
     *
     * @throws IllegalArgumentException naming the text and what to write instead
     */
    public static Instant asOf(String text) {
        return parse(
                text,
                date -> date.plusDays(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC)
                        .minusMillis(1));
    }

    /**
     * The instant reading starts from: a bare date is the first millisecond of that day in UTC, so the whole day is
     * in.
     *
     * @throws IllegalArgumentException naming the text and what to write instead
     */
    public static Instant from(String text) {
        return parse(text, date -> date.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static Instant parse(String text, Function<LocalDate, Instant> day) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return day.apply(LocalDate.parse(value));
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException("'" + text + "' is not an instant; write e.g. " + EXAMPLES);
            }
        }
    }
}
