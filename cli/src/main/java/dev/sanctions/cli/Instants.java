package dev.sanctions.cli;

import dev.sanctions.core.InstantText;
import java.time.Instant;
import picocli.CommandLine;

/** Reads an instant option by the one rule of {@link InstantText}, as the HTTP API's {@code asOf} does. */
final class Instants implements CommandLine.ITypeConverter<Instant> {

    @Override
    public Instant convert(String text) {
        try {
            return InstantText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
