package dev.sanctions.http;

/**
 * A request a server does not answer as asked: the HTTP status (400 for bad input, 404, 413...) and a
 * message for the client. The server writes it in its own error shape ({@link JsonErrors}).
 */
public class RequestRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RequestRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
