package dev.sanctions.importers;

import java.util.Objects;

/** One thing wrong with a list file, at one place: printed as {@code FILE:LINE: message}. */
public record ImportProblem(SourcePosition at, String message) {
    public ImportProblem {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }

    /** {@code FILE:LINE: message}, the form editors and CI annotations understand. */
    public String format() {
        return at.file() + ":" + at.line() + ": " + message;
    }
}
