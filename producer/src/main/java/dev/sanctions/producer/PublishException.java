package dev.sanctions.producer;

/** Publishing failed at run time (broker or registry unreachable, refused, too slow); the message says what it tried. */
public final class PublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
