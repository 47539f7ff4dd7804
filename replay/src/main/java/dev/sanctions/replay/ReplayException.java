package dev.sanctions.replay;

/** A replay that could not run, with a message that says what to check. */
public final class ReplayException extends RuntimeException {

    ReplayException(String message, Throwable cause) {
        super(message, cause);
    }

    ReplayException(String message) {
        super(message);
    }
}
