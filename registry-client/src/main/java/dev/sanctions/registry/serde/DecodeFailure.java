package dev.sanctions.registry.serde;

import dev.sanctions.registry.client.SchemaRegistryException;

/**
 * Why a record read with {@link SpecificAvroDeserializer} did not decode. Every reader of the log (the processor,
 * replay) decides with this one rule, so that they skip exactly the same records: only a registry that could not
 * be asked is the environment's fault; anything else is about the bytes and will never read, however often it is
 * retried.
 */
public enum DecodeFailure {
    /**
     * The registry gave no answer (connection refused, timeout), failed (5xx), or refused this client (401, 403,
     * 407, 408, 429): the record may be fine, so it must not be skipped. Retry later or fix the registry settings.
     */
    REGISTRY,
    /**
     * The bytes: no schema-registry framing, a schema id the registry does not know, a writer schema of another
     * record type than the reader expects, or an Avro body that does not decode. A dead letter.
     */
    RECORD;

    /** Classifies what decoding threw, looking through the causes for the registry's answer. */
    public static DecodeFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SchemaRegistryException registry && isRegistrysFault(registry.httpStatus())) {
                return REGISTRY;
            }
        }
        return RECORD;
    }

    private static boolean isRegistrysFault(int httpStatus) {
        return switch (httpStatus) {
            case 0, 401, 403, 407, 408, 429 -> true;
            default -> httpStatus >= 500;
        };
    }
}
