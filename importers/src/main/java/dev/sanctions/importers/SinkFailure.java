package dev.sanctions.importers;

/**
 * Carries an exception of whoever consumes the entries (the publisher) through a format's reading, so the format's
 * handling of parser failures cannot mistake it for a bad file.
 */
final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SinkFailure(RuntimeException cause) {
        super(cause);
    }

    RuntimeException unwrap() {
        return (RuntimeException) getCause();
    }
}
