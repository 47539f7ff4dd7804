package dev.sanctions.subscriber;

import java.time.Duration;

/** The one message for a cluster that did not answer in time: where, how long, and what to check. */
final class Unreachable {

    private Unreachable() {}

    static SubscriptionException kafka(String bootstrapServers, Duration waited, String doing, Throwable cause) {
        return new SubscriptionException(
                "Kafka at " + bootstrapServers + " did not answer within "
                        + waited.toSeconds() + " s while " + doing
                        + ": check the bootstrap servers, that the brokers are "
                        + "running and reachable from here, and the security settings (SASL/TLS) of the client properties",
                cause);
    }
}
