package dev.sanctions.registry.serde;

import dev.sanctions.registry.client.SchemaRegistryException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Why a record read with {@link SpecificAvroDeserializer} did not decode. Every reader of the log (the processor,
 * replay) decides with this one rule, so that they skip exactly the same records: only a registry that could not
 * be asked is the environment's fault; anything else is about the bytes and will never read, however often it is
 * retried.
 */
public enum DecodeFailure {
    /**
     * The registry gave no answer (connection refused, timeout), failed (5xx), refused this client (401, 403, 407,
     * 408, 429) or gave any other answer than "unknown schema id" (e.g. a URL that is not a registry): the record
     * may be fine, so it must not be skipped. Retry later or fix the registry settings.
     */
    REGISTRY,
    /**
     * The bytes: no schema-registry framing, a schema id the registry does not know (404), a writer schema of another
     * record type than the reader expects, or an Avro body that does not decode. A dead letter.
     */
    RECORD;

    /** The registry's answer to a schema id it does not know: the id came from the record's bytes. */
    private static final int NOT_FOUND = 404;

    /** Classifies what decoding threw, looking through the causes for the registry's answer or its absence. */
    public static DecodeFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SchemaRegistryException registry && registry.httpStatus() != NOT_FOUND) {
                return REGISTRY;
            }
            if (t instanceof ConnectException
                    || t instanceof SocketTimeoutException
                    || t instanceof HttpTimeoutException) {
                return REGISTRY;
            }
        }
        return RECORD;
    }
}
