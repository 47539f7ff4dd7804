package dev.sanctions.processor.api;

import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One question to the designation API (SPEC section 7); {@link DesignationRequestParser} reads it from a request. */
sealed interface DesignationRequest {

    /** {@code GET /designations/{key}[?asOf=INSTANT]}: the state of {@code key} now, or as of a non-null {@code asOf}. */
    record Current(String key, Instant asOf) implements DesignationRequest {}

    /** {@code GET /designations/{key}/history}: every version of {@code key}, oldest first. */
    record History(String key) implements DesignationRequest {}

    /** {@code GET /designations[?jurisdiction=J&status=S]}: current states; a null filter matches all. */
    record Listing(String jurisdiction, DesignationStatus status) implements DesignationRequest {

        boolean matches(DesignationState state) {
            return (jurisdiction == null || jurisdiction.equals(state.getJurisdiction()))
                    && (status == null || status == state.getStatus());
        }

        /** The query that asks another instance the same question, e.g. {@code ?jurisdiction=JP}; empty for none. */
        String query() {
            List<String> parameters = new ArrayList<>();
            if (jurisdiction != null) {
                parameters.add("jurisdiction=" + jurisdiction);
            }
            if (status != null) {
                parameters.add("status=" + status);
            }
            return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        }
    }
}
