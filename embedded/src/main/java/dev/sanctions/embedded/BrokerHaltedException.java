package dev.sanctions.embedded;

/** The broker asked to exit or halt the JVM during start-up; {@link ExitGuard} turns that into this exception. */
final class BrokerHaltedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BrokerHaltedException(int statusCode, String message) {
        super("the embedded Kafka broker failed to start (status " + statusCode
                + (message == null ? "" : ": " + message) + "); the broker's log above says why");
    }
}
