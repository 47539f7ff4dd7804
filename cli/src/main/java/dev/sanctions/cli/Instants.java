package dev.sanctions.cli;

import dev.sanctions.core.InstantText;
import java.time.Instant;
import picocli.CommandLine;

/**
 * Reads an as-of instant option by the one rule of {@link InstantText}, as the HTTP API's {@code asOf} does: a bare
 * date includes its whole day.
 */
final class Instants implements CommandLine.ITypeConverter<Instant> {

    @Override
    public Instant convert(String text) {
        try {
            return InstantText.asOf(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
