package dev.sanctions.processor.topology;

import dev.sanctions.registry.client.SchemaRegistryException;
import dev.sanctions.registry.serde.DecodeFailure;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure of the environment from a failure of the data, the way round that cannot stall the
 * pipeline: a failure is an outage (retried) only when it is known to be one, and a record that cannot be
 * decoded is a dead letter unless the registry's answer shows the processor, not the record, is at fault.
 * An {@code EOFException} from a truncated Avro body is therefore a dead letter, not an outage.
 */
public final class Failures {

    /** The registry's answer to a schema id it does not know: the id came from the record's bytes. */
    private static final int NOT_FOUND = 404;

    private Failures() {}

    /**
     * True if the broker or the registry did not answer (connection refused, timeout, HTTP 5xx, Kafka's
     * {@link RetriableException}): worth retrying, as the same record will read once they are back.
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof RetriableException
                    || t instanceof ConnectException
                    || t instanceof SocketTimeoutException
                    || t instanceof HttpTimeoutException) {
                return true;
            }
            // No answer at all (status 0) or a server error: the registry, not the record, is at fault.
            if (t instanceof SchemaRegistryException registry
                    && (registry.httpStatus() == 0 || registry.httpStatus() >= 500)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if decoding failed because of the record's bytes alone: neither an outage nor any registry answer
     * but "unknown schema id" (a refusal of the processor's credentials, or a URL that is not a registry, would
     * otherwise send every good record to the dead-letter topic). The rule is {@link DecodeFailure}'s, which
     * replay uses too, so both skip exactly the same records.
     */
    static boolean isUnreadableRecord(Throwable failure) {
        return !isOutage(failure) && DecodeFailure.of(failure) == DecodeFailure.RECORD;
    }

    /** The schema id in the record is unknown to the registry. */
    static boolean isUnknownSchemaId(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SchemaRegistryException registry && registry.httpStatus() == NOT_FOUND) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
