package dev.sanctions.registry.server;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SchemaStore} in memory, for tests. {@link #close()} keeps the records, so a test can start a new
 * server on the same store and see the same ids, as after a restart on a Kafka-backed store.
 */
public final class InMemorySchemaStore implements SchemaStore {

    private final List<StoreRecord> log = new ArrayList<>();

    public InMemorySchemaStore() {}

    @Override
    public synchronized List<StoreRecord> replay() {
        return List.copyOf(log);
    }

    @Override
    public synchronized void append(StoreRecord record) {
        log.add(record);
    }

    @Override
    public void close() {
        // Nothing to release; the records stay for a restarted server.
    }
}
