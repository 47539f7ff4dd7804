package dev.sanctions.subscriber;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * A stop request from another thread, reaching the consumer that is blocking right now (the snapshot's or the
 * follower's) through {@link Consumer#wakeup()}, or a pause while no topic is there to poll.
 */
final class StopSignal {

    private final Object lock = new Object();
    private boolean requested;
    private Consumer<?, ?> active;

    void request() {
        Consumer<?, ?> consumer;
        synchronized (lock) {
            requested = true;
            consumer = active;
            lock.notifyAll();
        }
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    boolean isRequested() {
        synchronized (lock) {
            return requested;
        }
    }

    /** {@code consumer} is the one to wake from now on; woken at once if a stop is already requested. */
    void activate(Consumer<?, ?> consumer) {
        synchronized (lock) {
            active = consumer;
            if (requested) {
                consumer.wakeup();
            }
        }
    }

    /** The run is over: forget the consumer and any request it has answered. */
    void reset() {
        synchronized (lock) {
            active = null;
            requested = false;
        }
    }

    /** Waits up to {@code duration} or until a stop is requested. */
    void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (lock) {
            long left;
            while (!requested && (left = deadline - System.nanoTime()) > 0) {
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    requested = true;
                }
            }
        }
    }
}
