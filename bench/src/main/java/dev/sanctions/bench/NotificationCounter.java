package dev.sanctions.bench;

import dev.sanctions.kafka.LogReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the notifications that become readable, read_committed, on the all-jurisdictions notification topic from
 * the moment it is opened, and notes when a wanted count is reached. Runs its own polling thread.
 */
final class NotificationCounter implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread poller;
    private final Object lock = new Object();
    private long count;
    private long wanted = Long.MAX_VALUE;
    private long reachedAt;
    private RuntimeException failure;

    NotificationCounter(String bootstrapServers, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-notification-counter");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = LogReader.partitionsOf(consumer, topic, Duration.ofSeconds(30));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolves the end now, before anything is published, so nothing published later is skipped.
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "bench-notification-counter");
        poller.setDaemon(true);
        poller.start();
    }

    /** Notifications read so far. */
    long count() {
        synchronized (lock) {
            return count;
        }
    }

    /** Call before publishing: from now on the moment {@code target} notifications in all have been read is noted. */
    void expect(long target) {
        synchronized (lock) {
            wanted = target;
            reachedAt = count >= target ? System.nanoTime() : 0;
        }
    }

    /**
     * Waits until the count given to {@link #expect} has been read and returns the {@link System#nanoTime()} at
     * which the last of those notifications was.
     *
     * @throws BenchmarkException when they are not all read within {@code timeout}
     */
    long await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (reachedAt == 0) {
                if (failure != null) {
                    throw failure;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new BenchmarkException("only " + count + " of " + wanted + " notifications became readable"
                            + " within " + timeout.toSeconds() + " s: the processor is stuck or failed (see its log)");
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BenchmarkException("interrupted while waiting for notifications", e);
                }
            }
            return reachedAt;
        }
    }

    private void poll() {
        try {
            while (true) {
                int read = consumer.poll(Duration.ofMillis(200)).count();
                long now = System.nanoTime();
                synchronized (lock) {
                    count += read;
                    if (reachedAt == 0 && count >= wanted) {
                        reachedAt = now;
                        lock.notifyAll();
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked to stop.
        } catch (RuntimeException e) {
            synchronized (lock) {
                failure = new BenchmarkException("counting notifications failed: " + e.getMessage(), e);
                lock.notifyAll();
            }
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            poller.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
