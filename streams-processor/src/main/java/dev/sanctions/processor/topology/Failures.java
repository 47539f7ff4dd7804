package dev.sanctions.processor.topology;

import dev.sanctions.registry.client.SchemaRegistryException;
import java.io.IOException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure of the environment (registry or broker unreachable, worth retrying) from a
 * failure of the data (bytes that will never read: a record for the dead-letter topic).
 */
public final class Failures {

    private Failures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof RetriableException) {
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
}
