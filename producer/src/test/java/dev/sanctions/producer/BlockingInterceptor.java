package dev.sanctions.producer;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Holds a publish in the middle of its transaction: it signals the first acknowledged record, then lets no further
 * record be sent until the test releases it. Kafka instantiates interceptors by class name, hence the static state;
 * one test at a time uses it ({@link #reset}).
 */
public final class BlockingInterceptor implements ProducerInterceptor<Object, Object> {

    private static volatile CountDownLatch firstAcknowledged = new CountDownLatch(1);
    private static volatile CountDownLatch released = new CountDownLatch(1);
    private static final AtomicInteger SENT = new AtomicInteger();

    static void reset() {
        firstAcknowledged = new CountDownLatch(1);
        released = new CountDownLatch(1);
        SENT.set(0);
    }

    static boolean awaitFirstAcknowledged(long seconds) throws InterruptedException {
        return firstAcknowledged.await(seconds, TimeUnit.SECONDS);
    }

    static void release() {
        released.countDown();
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (SENT.incrementAndGet() > 1) {
            try {
                // Bounded, so a broken test cannot hang the build.
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (exception == null) {
            firstAcknowledged.countDown();
        }
    }

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
