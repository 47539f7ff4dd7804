package dev.sanctions.subscriber;

import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.core.Topics;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one of the processor's other output topics the way a {@link Subscriber} follows notifications, through
 * the same loop: read_committed, from {@link SubscriptionSettings#from()}, until the {@link StopCondition} or
 * {@link #wakeup()}. {@link #rejected} decodes {@code sanctions.rejected}; {@link #deadLetters} hands on the raw
 * records of {@code sanctions.dlq}, whose values are by definition unreadable, with their headers;
 * {@link #receipts} decodes {@code sanctions.receipts} from offsets taken earlier, for {@link ReceiptWaiter}.
 *
 * @param <T> what the listener receives per record
 */
public final class TopicFollower<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    private final SubscriptionSettings settings;
    private final String topic;
    private final Optional<Map<TopicPartition, Long>> fixedStart;
    private final Function<ClientConfigs, Reader<T>> readers;
    private final Runs runs;

    private TopicFollower(SubscriptionSettings settings, String topic, Function<ClientConfigs, Reader<T>> readers) {
        this(settings, topic, Optional.empty(), readers);
    }

    private TopicFollower(
            SubscriptionSettings settings,
            String topic,
            Optional<Map<TopicPartition, Long>> fixedStart,
            Function<ClientConfigs, Reader<T>> readers) {
        if (settings.snapshot()) {
            throw new IllegalArgumentException("only notifications have a snapshot, not " + topic);
        }
        this.settings = settings;
        this.topic = topic;
        this.fixedStart = fixedStart;
        this.readers = readers;
        this.runs = new Runs(settings.bootstrapServers());
    }

    /** Rejected actions and announcements, decoded; a record that cannot be read stops the run, naming it. */
    public static TopicFollower<RejectedAction> rejected(SubscriptionSettings settings) {
        return new TopicFollower<>(
                settings, Topics.withPrefix(settings.topicPrefix()).rejected(), configs -> {
                    Decoder<RejectedAction> decoder = new Decoder<>(RejectedAction.class, configs.registry());
                    return new Reader<>(decoder::decode, decoder);
                });
    }

    /**
     * Receipts, decoded, from {@code start} (offsets taken earlier; a partition not among them from its beginning)
     * rather than from {@link SubscriptionSettings#from()}: see {@link ReceiptWaiter}.
     */
    static TopicFollower<AnnouncementReceipt> receipts(
            SubscriptionSettings settings, String topic, Map<TopicPartition, Long> start) {
        return new TopicFollower<>(settings, topic, Optional.of(Map.copyOf(start)), configs -> {
            Decoder<AnnouncementReceipt> decoder = new Decoder<>(AnnouncementReceipt.class, configs.registry());
            return new Reader<>(decoder::decode, decoder);
        });
    }

    /** Dead letters as they are on the topic: original key and value, the error in the headers. */
    public static TopicFollower<ConsumerRecord<String, byte[]>> deadLetters(SubscriptionSettings settings) {
        return new TopicFollower<>(
                settings, Topics.withPrefix(settings.topicPrefix()).dlq(), configs -> new Reader<>(r -> r, () -> {}));
    }

    /** The topic followed, prefix included. */
    public String topic() {
        return topic;
    }

    /**
     * Hands every record from the start on to {@code listener}, on this thread, until {@code stop} is met or
     * {@link #wakeup()} is called; then returns normally. An empty record (no value) is skipped with a warning.
     *
     * @throws SubscriptionException when the cluster is unreachable or a record cannot be read
     * @throws RuntimeException whatever the listener threw, unchanged
     */
    public void run(Consumer<? super T> listener, StopCondition stop) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(stop, "stop");
        runs.run(signal -> {
            try (Reader<T> reader = readers.apply(new ClientConfigs(settings))) {
                RecordSink sink = record -> {
                    T value = reader.read().apply(record);
                    if (value == null || record.value() == null) {
                        LOG.warn("Skipping an empty record at {}", Decoder.position(record));
                        return false;
                    }
                    Listeners.call(() -> listener.accept(value));
                    return true;
                };
                new SubscriptionRun(settings, topic, fixedStart, sink, stop, signal).execute();
            }
        });
    }

    /** Makes the current run return soon; a call before a run starts makes that run return at once. */
    public void wakeup() {
        runs.wakeup();
    }

    /** Stops a run in progress and refuses further runs. */
    @Override
    public void close() {
        runs.close();
    }

    /** How to read a record, and what to close after the run. */
    private record Reader<T>(Function<ConsumerRecord<String, byte[]>, T> read, AutoCloseable resources)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                resources.close();
            } catch (Exception e) {
                LOG.debug("Closing the record reader failed", e);
            }
        }
    }
}
