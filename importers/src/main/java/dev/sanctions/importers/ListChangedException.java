package dev.sanctions.importers;

/**
 * The list file read differently from the first pass: it changed (or became unreadable) while it was being imported.
 * Whatever was being published with it must be abandoned.
 */
public final class ListChangedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ListChangedException(String message) {
        super(message);
    }
}
