package dev.sanctions.subscriber;

/** The subscription cannot go on: the cluster is unreachable, or a record cannot be read. The message says why. */
public final class SubscriptionException extends RuntimeException {

    SubscriptionException(String message) {
        super(message);
    }

    SubscriptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
