package dev.sanctions.bench;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.registry.serde.AvroSerdeConfig;
import dev.sanctions.registry.serde.SpecificAvroSerializer;
import dev.sanctions.subscriber.DesignationListener;
import dev.sanctions.subscriber.StartPosition;
import dev.sanctions.subscriber.StopCondition;
import dev.sanctions.subscriber.Subscriber;
import dev.sanctions.subscriber.SubscriptionSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publish-to-notification latency at a steady rate: one-action announcements sent on a fixed schedule by a plain
 * idempotent producer (acks=all, linger.ms=0) with the publisher's serializer, and received by a {@link Subscriber}
 * in this JVM. Each latency runs from the announcement's scheduled send time, so a producer that falls behind
 * shows up in the figures instead of hiding (no coordinated omission). Send times stay in this JVM, keyed by
 * change id; nothing of the clock reaches a topic.
 */
final class LatencyProbe {

    static final String PRODUCER = "plain idempotent producer (acks=all, linger.ms=0, one 1-action announcement per"
            + " record, no transaction), the publisher's Avro serializer; received by the subscriber library";

    /**
     * @param latencies publish-to-notification times of the measured announcements, in nanoseconds
     * @param sendRate the rate actually achieved by the producer over the whole schedule, per second
     */
    record Result(long[] latencies, double sendRate) {}

    private final String bootstrapServers;
    private final String registryUrl;

    LatencyProbe(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /**
     * Sends {@code announcements[0]} first and waits for its notification (the subscriber is then surely
     * following), then the rest at {@code rate} per second; the first {@code warmup} of those are not measured.
     */
    Result run(List<Announcement> announcements, int rate, int warmup, Duration timeout) {
        int total = announcements.size();
        Map<String, Integer> indexByChange = new HashMap<>(total * 2);
        for (int i = 0; i < total; i++) {
            indexByChange.put(announcements.get(i).getAnnouncementId() + "#0", i);
        }
        AtomicLongArray scheduled = new AtomicLongArray(total);
        AtomicLongArray received = new AtomicLongArray(total);
        Receiver receiver = new Receiver(indexByChange, received);
        Subscriber subscriber = new Subscriber(SubscriptionSettings.builder(bootstrapServers, registryUrl)
                .from(new StartPosition.AtInstant(announcements.get(0).getPublishedAt()))
                .build());
        AtomicReference<RuntimeException> subscriberFailure = new AtomicReference<>();
        Thread following = new Thread(
                () -> {
                    try {
                        subscriber.run(receiver, StopCondition.never());
                    } catch (RuntimeException e) {
                        subscriberFailure.set(e);
                    }
                },
                "bench-latency-subscriber");
        following.start();
        try (KafkaProducer<String, Announcement> producer = producer()) {
            String topic = "sanctions.announcements";
            scheduled.set(0, System.nanoTime());
            send(producer, topic, announcements.get(0));
            producer.flush();
            receiver.awaitAtLeast(1, timeout, subscriberFailure);

            long period = 1_000_000_000L / rate;
            long start = System.nanoTime() + period;
            for (int i = 1; i < total; i++) {
                long due = start + (i - 1) * period;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                scheduled.set(i, due);
                send(producer, topic, announcements.get(i));
            }
            double sendRate = Statistics.perSecond(total - 1, System.nanoTime() - start);
            producer.flush();
            receiver.awaitAtLeast(total, timeout, subscriberFailure);

            long[] latencies = new long[total - 1 - warmup];
            for (int i = 1 + warmup; i < total; i++) {
                latencies[i - 1 - warmup] = received.get(i) - scheduled.get(i);
            }
            return new Result(latencies, sendRate);
        } finally {
            subscriber.wakeup();
            try {
                following.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(KafkaProducer<String, Announcement> producer, String topic, Announcement announcement) {
        producer.send(new ProducerRecord<>(
                topic, null, announcement.getPublishedAt().toEpochMilli(), announcement.getAuthority(), announcement));
    }

    private KafkaProducer<String, Announcement> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-latency-producer");
        SpecificAvroSerializer<Announcement> values = new SpecificAvroSerializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** Notes the arrival time of every awaited notification; runs on the subscriber's thread. */
    private static final class Receiver implements DesignationListener {
        private final Map<String, Integer> indexByChange;
        private final AtomicLongArray received;
        private final Object lock = new Object();
        private int arrived;

        Receiver(Map<String, Integer> indexByChange, AtomicLongArray received) {
            this.indexByChange = indexByChange;
            this.received = received;
        }

        @Override
        public void onChange(DesignationChange change) {
            long now = System.nanoTime();
            Integer index = indexByChange.get(change.getChangeId());
            if (index != null && received.compareAndSet(index, 0, now)) {
                synchronized (lock) {
                    arrived++;
                    lock.notifyAll();
                }
            }
        }

        void awaitAtLeast(int count, Duration timeout, AtomicReference<RuntimeException> failure) {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lock) {
                while (arrived < count) {
                    if (failure.get() != null) {
                        throw new BenchmarkException(
                                "the subscriber failed: " + failure.get().getMessage(), failure.get());
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new BenchmarkException("only " + arrived + " of " + count + " notifications reached the"
                                + " subscriber within " + timeout.toSeconds() + " s of the last send");
                    }
                    try {
                        lock.wait(Math.max(1, Math.min(left / 1_000_000, 200)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new BenchmarkException("interrupted while waiting for notifications", e);
                    }
                }
            }
        }
    }
}
