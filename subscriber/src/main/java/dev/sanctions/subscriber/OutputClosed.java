package dev.sanctions.subscriber;

/**
 * The reader of the output has gone (e.g. {@code subscribe | head -2} after its two lines): thrown by a
 * {@link LinePrinter} so the run stops at once instead of following topics nobody reads. Not a failure: a command
 * that meets it ends with exit code 0.
 */
public final class OutputClosed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputClosed() {
        super("the output was closed by its reader", null, false, false);
    }
}
