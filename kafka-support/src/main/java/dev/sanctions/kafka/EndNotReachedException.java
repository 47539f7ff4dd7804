package dev.sanctions.kafka;

import org.apache.kafka.common.errors.TimeoutException;

/**
 * A read did not reach the end of its partitions in time; the message names the topic, the partitions still behind
 * and what to check. A Kafka {@link TimeoutException}, so callers that already tell their users about a cluster
 * that did not answer in time keep doing so.
 */
public final class EndNotReachedException extends TimeoutException {

    EndNotReachedException(String message, Throwable cause) {
        super(message, cause);
    }
}
