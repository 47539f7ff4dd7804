package dev.sanctions.cli;

import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.core.SnapshotRun;
import dev.sanctions.core.Topics;
import dev.sanctions.kafka.LogReader;
import dev.sanctions.registry.serde.DecodeFailure;
import dev.sanctions.registry.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The part of the current state a preview compares with, read to the end of the topics (read_committed) with
 * {@link LogReader}: the states of the designations it names, of the ACTIVE designations of the lists its snapshots
 * concern, and from the receipts the announcement ids already used and the last snapshot applied of each list. Only
 * the records of interest are decoded and kept, so memory is bounded by what is compared, not by the topics.
 */
final class CurrentState {

    /** What a preview needs to know. */
    record Interest(Set<String> keys, Set<Preview.ListOf> lists, Set<String> announcementIds) {}

    /** What was found; {@code usedIds}: by authority, the ids of {@link Interest#announcementIds} it used. */
    record Known(
            List<DesignationState> states,
            Map<String, Set<String>> usedIds,
            Map<Preview.ListOf, Instant> lastSnapshots) {}

    /** The cluster or the registry did not answer in time: the message says which. */
    static final class UnreachableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ConnectionOptions connection;
    private final Duration timeout;

    CurrentState(ConnectionOptions connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    /**
     * Reads what {@code interest} names.
     *
     * @throws UnreachableException when the brokers or the registry do not answer within the timeout
     */
    Known read(Interest interest) {
        Topics topics = Topics.withPrefix(connection.topicPrefix());
        Map<String, DesignationState> states = new TreeMap<>();
        Map<String, Set<String>> usedIds = new TreeMap<>();
        Map<Preview.ListOf, Instant> lastSnapshots = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                        consumerProperties(), new StringDeserializer(), new ByteArrayDeserializer());
                SpecificAvroDeserializer<DesignationState> stateValues = deserializer();
                SpecificAvroDeserializer<AnnouncementReceipt> receiptValues = deserializer()) {
            readTopic(consumer, topics.designations(), (key, value) -> {
                if (!mayMatter(key, interest)) {
                    return;
                }
                DesignationState state = value == null ? null : decode(stateValues, topics.designations(), value);
                // The topic is compacted: a key's last record is its current state, so an earlier one that
                // mattered is dropped when the latest does not.
                if (state != null && matters(state, interest)) {
                    states.put(key, state);
                } else {
                    states.remove(key);
                }
            });
            // The receipts are keyed by announcement id; the last snapshot of a list needs every receipt's authority.
            boolean everyReceipt = !interest.lists().isEmpty();
            readTopic(consumer, topics.receipts(), (key, value) -> {
                if (value == null
                        || !(everyReceipt || interest.announcementIds().contains(key))) {
                    return;
                }
                AnnouncementReceipt receipt = decode(receiptValues, topics.receipts(), value);
                if (receipt == null) {
                    return;
                }
                if (usedTheId(receipt) && interest.announcementIds().contains(key)) {
                    usedIds.computeIfAbsent(receipt.getAuthority(), a -> new TreeSet<>())
                            .add(key);
                }
                Preview.ListOf list = new Preview.ListOf(receipt.getAuthority(), receipt.getList());
                if (receipt.getList() != null && interest.lists().contains(list) && appliedWhole(receipt)) {
                    lastSnapshots.merge(list, receipt.getPublishedAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            });
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new UnreachableException(
                    "the cluster at " + connection.bootstrapServers() + " did not answer within " + timeout.toSeconds()
                            + " s",
                    e);
        } catch (KafkaException e) {
            throw new UnreachableException(
                    "the cluster at " + connection.bootstrapServers() + " could not be read (" + e.getMessage() + ")",
                    e);
        }
        return new Known(new ArrayList<>(states.values()), usedIds, lastSnapshots);
    }

    /** Decided on the key alone, before decoding: a named key, or one of an authority whose list is compared. */
    private static boolean mayMatter(String key, Interest interest) {
        if (key == null) {
            return false;
        }
        if (interest.keys().contains(key)) {
            return true;
        }
        for (Preview.ListOf list : interest.lists()) {
            if (key.startsWith(list.authority() + "/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean matters(DesignationState state, Interest interest) {
        String list = SnapshotRun.indexedList(state);
        return interest.keys().contains(state.getDesignationKey())
                || (list != null && interest.lists().contains(new Preview.ListOf(state.getAuthority(), list)));
    }

    /**
     * The processor marks an announcement's id used once it is admitted: a snapshot refused as stale or by its guard
     * was admitted; one refused as a duplicate, as misrouted or by the announcement's rules (a refusal of the whole,
     * with no action index) was not.
     */
    private static boolean usedTheId(AnnouncementReceipt receipt) {
        for (RejectedAction rejection : receipt.getRejections()) {
            if (rejection.getActionIndex() == null
                    && rejection.getReason() != RejectionReason.STALE_SNAPSHOT
                    && rejection.getReason() != RejectionReason.SNAPSHOT_GUARD) {
                return false;
            }
        }
        return true;
    }

    /** Applied as a whole: nothing refused the whole announcement (docs/decisions.md, previews). */
    private static boolean appliedWhole(AnnouncementReceipt receipt) {
        return receipt.getRejections().stream().noneMatch(r -> r.getActionIndex() == null);
    }

    private interface RecordSink {
        void accept(String key, byte[] value);
    }

    private void readTopic(KafkaConsumer<String, byte[]> consumer, String topic, RecordSink sink) {
        List<TopicPartition> partitions = LogReader.partitionsOf(consumer, topic, timeout);
        if (partitions.isEmpty()) {
            return;
        }
        LogReader.assignFromStart(consumer, partitions);
        LogReader.readToEnd(consumer, timeout, record -> sink.accept(record.key(), record.value()));
        consumer.unsubscribe();
    }

    /** Null for a record that does not decode: the processor wrote it, so only a foreign record is skipped. */
    private <T extends SpecificRecord> T decode(SpecificAvroDeserializer<T> values, String topic, byte[] value) {
        try {
            return values.deserialize(topic, value);
        } catch (RuntimeException e) {
            if (DecodeFailure.of(e) == DecodeFailure.REGISTRY) {
                throw new UnreachableException(
                        "the schema registry at " + connection.schemaRegistryUrl() + " did not answer", e);
            }
            return null;
        }
    }

    private <T extends SpecificRecord> SpecificAvroDeserializer<T> deserializer() {
        SpecificAvroDeserializer<T> values = new SpecificAvroDeserializer<>();
        Map<String, Object> properties = new TreeMap<>(connection.registryProperties());
        properties.put("specific.avro.reader", "true");
        values.configure(properties, false);
        return values;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new TreeMap<>(connection.kafkaProperties());
        properties.put("isolation.level", "read_committed");
        properties.put("enable.auto.commit", "false");
        properties.put("auto.offset.reset", "earliest");
        properties.putIfAbsent("client.id", "sanctions-preview");
        // A preview only reads: asking for a topic that does not exist must not create it.
        properties.put("allow.auto.create.topics", "false");
        properties.put("default.api.timeout.ms", String.valueOf(timeout.toMillis()));
        return properties;
    }
}
