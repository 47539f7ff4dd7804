package dev.sanctions.importers;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where in a list file something was read.
 *
 * @param file the file as the user named it (a relative path stays relative)
 * @param line the 1-based line; 0 when the problem is the file as a whole
 */
public record SourcePosition(Path file, int line) {
    public SourcePosition {
        Objects.requireNonNull(file, "file");
    }
}
