package dev.sanctions.subscriber;

/**
 * Marks exceptions thrown by the bank's listener, so that {@link Subscriber#run} passes them on unchanged while
 * it turns the client library's own failures into a {@link SubscriptionException}.
 */
final class Listeners {

    private Listeners() {}

    static void call(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw new ListenerFailure(e);
        }
    }

    static final class ListenerFailure extends RuntimeException {
        ListenerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
