package dev.sanctions.processor.api;

import dev.sanctions.avro.DesignationState;
import dev.sanctions.core.json.JsonForm;
import dev.sanctions.processor.topology.DesignationStores;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads this instance's {@link DesignationStores} (active partitions only). The classic store API, not IQv2,
 * because the history is read with a prefix scan. Every method throws Kafka Streams'
 * {@code InvalidStateStoreException} while a store cannot be queried (starting, rebalancing, restoring).
 */
final class LocalDesignations {

    private final KafkaStreams streams;

    LocalDesignations(KafkaStreams streams) {
        this.streams = streams;
    }

    Optional<DesignationState> current(String key, int partition) {
        return Optional.ofNullable(store(DesignationStores.CURRENT, partition).get(key));
    }

    /** Every version of {@code key}, oldest first; empty if the key was never designated. */
    List<DesignationState> history(String key, int partition) {
        return DesignationStores.history(store(DesignationStores.HISTORY, partition), key);
    }

    /**
     * The first {@code limit} states that match, with keys after {@code after} (exclusive; null: from the first),
     * of this instance's partitions, in {@link ListingPage#KEY_ORDER}: each partition's store is read in key order
     * and only as far as needed.
     */
    List<ListingPage.Entry> first(String after, int limit, Predicate<DesignationState> matches) {
        TreeMap<String, String> first = new TreeMap<>(ListingPage.KEY_ORDER);
        for (int partition : localPartitions()) {
            int taken = 0;
            try (KeyValueIterator<String, DesignationState> scan = after == null
                    ? store(DesignationStores.CURRENT, partition).all()
                    : store(DesignationStores.CURRENT, partition).range(after, null)) {
                while (taken < limit && scan.hasNext()) {
                    KeyValue<String, DesignationState> entry = scan.next();
                    if (!entry.key.equals(after) && matches.test(entry.value)) {
                        first.put(entry.key, JsonForm.of(entry.value));
                        taken++;
                    }
                }
            }
        }
        return first.entrySet().stream()
                .limit(limit)
                .map(e -> new ListingPage.Entry(e.getKey(), e.getValue()))
                .toList();
    }

    /** The partitions of the stores this instance's active tasks hold. */
    private Set<Integer> localPartitions() {
        Set<Integer> partitions = new TreeSet<>();
        streams.metadataForLocalThreads()
                .forEach(thread -> thread.activeTasks()
                        .forEach(task -> task.topicPartitions().forEach(p -> partitions.add(p.partition()))));
        return partitions;
    }

    private ReadOnlyKeyValueStore<String, DesignationState> store(String name, Integer partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(
                        name, QueryableStoreTypes.<String, DesignationState>keyValueStore())
                .withPartition(partition));
    }
}
