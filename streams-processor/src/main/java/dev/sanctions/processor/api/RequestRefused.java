package dev.sanctions.processor.api;

/** A request the designation API does not answer: 400 for bad input, 404 for a path it does not serve. */
final class RequestRefused extends RuntimeException {

    private final int status;

    RequestRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
