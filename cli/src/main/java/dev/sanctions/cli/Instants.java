package dev.sanctions.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads an instant as an operator types it: {@code 2022-03-01T00:00:00Z}, with an offset
 * ({@code 2022-03-01T09:00:00+09:00}), or a bare date meaning the end of that day in UTC, so
 * "what was listed on 1 March?" includes everything published on 1 March.
 */
final class Instants implements CommandLine.ITypeConverter<Instant> {

    @Override
    public Instant convert(String text) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(value)
                        .plusDays(1)
                        .atStartOfDay()
                        .toInstant(ZoneOffset.UTC)
                        .minusMillis(1);
            } catch (DateTimeParseException notADate) {
                throw new CommandLine.TypeConversionException(
                        "'" + text + "' is not an instant: write e.g. "
                                + "2022-03-01T00:00:00Z, 2022-03-01T09:00:00+09:00, or a date such as 2022-03-01 (its end, UTC)");
            }
        }
    }
}
