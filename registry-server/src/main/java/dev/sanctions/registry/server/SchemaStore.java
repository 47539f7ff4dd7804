package dev.sanctions.registry.server;

import java.util.List;

/**
 * Durable storage of the registry: an append-only log of {@link StoreRecord}s with a single writer
 * (the one {@link SchemaRegistryServer} using it), like Confluent's leader writing its {@code _schemas} topic.
 */
public interface SchemaStore extends AutoCloseable {

    /** Every record stored so far, in log order. The registry calls this once, when it starts. */
    List<StoreRecord> replay();

    /**
     * Stores {@code record} after the ones before it; returns only once the record is durable and would be
     * part of a later {@link #replay()}.
     *
     * @throws SchemaStoreException when the record could not be stored
     */
    void append(StoreRecord record);

    @Override
    void close();
}
