package dev.sanctions.producer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with the announcement files, at one place.
 *
 * @param file    the file as the user named it (a relative path stays relative)
 * @param line    the 1-based line where the offending value starts; 0 when the problem is the file itself
 * @param field   the field path inside the announcement ({@code actions[2].target.name}), {@code json} for
 *                syntax and document-structure problems, {@code file} for a file that cannot be read
 * @param message what is wrong, in words an analyst can act on
 */
public record Problem(Path file, int line, String field, String message) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** {@code FILE:LINE: field: message}, the form editors and CI annotations understand. */
    public String format() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
