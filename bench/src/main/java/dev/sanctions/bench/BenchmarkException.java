package dev.sanctions.bench;

/** The benchmark could not finish; the message says what went wrong and where to look. */
public final class BenchmarkException extends RuntimeException {

    BenchmarkException(String message) {
        super(message);
    }

    BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
