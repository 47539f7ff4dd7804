package dev.sanctions.subscriber;

import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.core.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Waits for the processor's receipts ({@code sanctions.receipts}) of announcements a publisher is about to publish.
 * {@link #markEnd} takes the topic's end offsets (read_committed) before publishing, so a receipt the processor
 * writes before {@link #await} starts reading is not missed, and receipts of earlier announcements are not taken for
 * these. Receipts are matched by authority and announcement id, the first one of each counting.
 */
public final class ReceiptWaiter implements AutoCloseable {

    private final TopicFollower<AnnouncementReceipt> follower;

    private ReceiptWaiter(TopicFollower<AnnouncementReceipt> follower) {
        this.follower = follower;
    }

    /**
     * Takes where {@code sanctions.receipts} (with the settings' topic prefix) ends now; call it before publishing.
     * A topic that does not exist yet is read from its beginning once it does. The settings' start position, group
     * and snapshot flag are not used.
     *
     * @throws SubscriptionException when the cluster does not answer or refuses to describe the topic
     */
    public static ReceiptWaiter markEnd(SubscriptionSettings settings) {
        Objects.requireNonNull(settings, "settings");
        String topic = Topics.withPrefix(settings.topicPrefix()).receipts();
        SubscriptionSettings reading = SubscriptionSettings.builder(
                        settings.bootstrapServers(), settings.schemaRegistryUrl())
                .kafkaProperties(settings.kafkaProperties())
                .registryProperties(settings.registryProperties())
                .topicPrefix(settings.topicPrefix())
                .build();
        ClientConfigs configs = new ClientConfigs(reading);
        Map<TopicPartition, Long> ends;
        try (Admin admin = Admin.create(configs.admin())) {
            List<TopicPartition> partitions =
                    partitions(admin, topic, reading.bootstrapServers(), configs.apiTimeout());
            ends = new EndOffsets(admin, reading.bootstrapServers(), configs.apiTimeout())
                    .of(partitions, IsolationLevel.READ_COMMITTED);
        }
        return new ReceiptWaiter(TopicFollower.receipts(reading, topic, ends));
    }

    /**
     * Reads receipts from the mark until every one of {@code expected} has its receipt or {@code timeout} has
     * passed, whichever comes first.
     *
     * @throws SubscriptionException when the cluster is unreachable or a receipt cannot be read
     */
    public Outcome await(Collection<Announced> expected, Duration timeout) {
        Objects.requireNonNull(expected, "expected");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
        Set<Announced> wanted = new LinkedHashSet<>(expected);
        Map<Announced, AnnouncementReceipt> received = new LinkedHashMap<>();
        if (!wanted.isEmpty()) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "receipt-timeout");
                thread.setDaemon(true);
                return thread;
            });
            ScheduledFuture<?> deadline = timer.schedule(follower::wakeup, timeout.toNanos(), TimeUnit.NANOSECONDS);
            try {
                follower.run(
                        receipt -> {
                            Announced announced = new Announced(receipt.getAuthority(), receipt.getAnnouncementId());
                            if (wanted.contains(announced)) {
                                received.putIfAbsent(announced, receipt);
                                if (received.size() == wanted.size()) {
                                    follower.wakeup();
                                }
                            }
                        },
                        StopCondition.never());
            } finally {
                deadline.cancel(false);
                timer.shutdownNow();
            }
        }
        List<Announced> missing =
                wanted.stream().filter(a -> !received.containsKey(a)).toList();
        return new Outcome(received, missing);
    }

    @Override
    public void close() {
        follower.close();
    }

    private static List<TopicPartition> partitions(Admin admin, String topic, String servers, Duration timeout) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
            return description.partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
        } catch (TimeoutException e) {
            throw Unreachable.kafka(servers, timeout, "looking up " + topic, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw new SubscriptionException(
                    "cannot look up " + topic + " at Kafka " + servers + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }

    /** One announcement published: whose, and its id. */
    public record Announced(String authority, String announcementId) {
        public Announced {
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(announcementId, "announcementId");
        }
    }

    /**
     * What {@link #await} found.
     *
     * @param receipts the receipt of each announcement that has one, in the order they arrived
     * @param missing the announcements still without a receipt, in the order they were given
     */
    public record Outcome(Map<Announced, AnnouncementReceipt> receipts, List<Announced> missing) {
        public Outcome {
            receipts = Collections.unmodifiableMap(new LinkedHashMap<>(receipts));
            missing = List.copyOf(missing);
        }

        /** Whether every announcement has its receipt. */
        public boolean complete() {
            return missing.isEmpty();
        }
    }
}
