package dev.sanctions.importers;

/**
 * A list file that cannot be read any further (malformed XML, a DOCTYPE, bytes that are not its encoding, an
 * unreadable file): the format stops, and the problem is reported with the others.
 */
public final class ListFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SourcePosition at;

    public ListFileException(SourcePosition at, String message) {
        super(message);
        this.at = at;
    }

    public ImportProblem problem() {
        return new ImportProblem(at, getMessage());
    }
}
