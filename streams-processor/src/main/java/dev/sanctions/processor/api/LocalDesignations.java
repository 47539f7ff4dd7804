package dev.sanctions.processor.api;

import dev.sanctions.avro.DesignationState;
import dev.sanctions.processor.topology.DesignationStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** The current state of every designation in this instance's partitions, in no particular order. */
    List<DesignationState> all() {
        List<DesignationState> states = new ArrayList<>();
        try (KeyValueIterator<String, DesignationState> all =
                store(DesignationStores.CURRENT, null).all()) {
            all.forEachRemaining((KeyValue<String, DesignationState> entry) -> states.add(entry.value));
        }
        return states;
    }

    private ReadOnlyKeyValueStore<String, DesignationState> store(String name, Integer partition) {
        return streams.store(StoreQueryParameters.fromNameAndType(
                        name, QueryableStoreTypes.<String, DesignationState>keyValueStore())
                .withPartition(partition));
    }
}
