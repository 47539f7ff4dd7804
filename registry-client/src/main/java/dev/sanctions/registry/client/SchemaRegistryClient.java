package dev.sanctions.registry.client;

import org.apache.avro.Schema;

/**
 * The calls of the Confluent Schema Registry REST API that the serde and the tools need.
 * Every failure is a {@link SchemaRegistryException} carrying the registry's HTTP status and error code.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of {@code schema} if it is registered under {@code subject}; error codes 40401/40403 otherwise. */
    int getId(String subject, Schema schema);

    /** Returns the schema with this global id; error code 40403 if there is none. */
    Schema getById(int id);

    /** Returns the latest version registered under {@code subject}; error code 40401 if the subject is unknown. */
    RegisteredSchema getLatest(String subject);

    /** Whether {@code schema} may be registered next under {@code subject}; true when the subject is unknown. */
    boolean isCompatible(String subject, Schema schema);

    /** The compatibility level in force for {@code subject}, or the global level when {@code subject} is null. */
    String getCompatibility(String subject);

    /** Sets the compatibility level of {@code subject}, or the global level when {@code subject} is null. */
    void setCompatibility(String subject, String level);

    @Override
    void close();
}
