package dev.sanctions.subscriber;

import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * The life of a {@link Subscriber} or a {@link TopicFollower}: one run at a time, stoppable from any thread, with
 * the listener's exceptions passed on unchanged and the client library's turned into a
 * {@link SubscriptionException}.
 */
final class Runs {

    private final String bootstrapServers;
    private final StopSignal signal = new StopSignal();
    private final Object lock = new Object();
    private boolean running;
    private boolean closed;

    Runs(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void run(Consumer<StopSignal> body) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this subscriber is closed");
            }
            if (running) {
                throw new IllegalStateException("this subscriber is already running");
            }
            running = true;
        }
        try {
            body.accept(signal);
        } catch (Listeners.ListenerFailure e) {
            throw e.getCause();
        } catch (SubscriptionException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            throw new SubscriptionException(
                    "the subscription to Kafka at " + bootstrapServers + " failed: " + e.getMessage(), e);
        } finally {
            synchronized (lock) {
                running = false;
                signal.reset();
            }
        }
    }

    void wakeup() {
        signal.request();
    }

    void close() {
        synchronized (lock) {
            closed = true;
        }
        signal.request();
    }
}
