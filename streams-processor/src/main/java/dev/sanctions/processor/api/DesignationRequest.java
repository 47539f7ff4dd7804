package dev.sanctions.processor.api;

import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.http.PercentEncoding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One question to the designation API (docs/http-api.md); {@link DesignationRequestParser} reads it from a request. */
sealed interface DesignationRequest {

    /** {@code GET /designations/{key}[?asOf=INSTANT]}: the state of {@code key} now, or as of a non-null {@code asOf}. */
    record Current(String key, Instant asOf) implements DesignationRequest {}

    /** {@code GET /designations/{key}/history}: every version of {@code key}, oldest first. */
    record History(String key) implements DesignationRequest {}

    /**
     * {@code GET /designations[?jurisdiction=J&status=S][&limit=N][&after=KEY]}: current states in key order; a
     * null filter matches all. With a limit, one page of at most that many states after the key {@code after}
     * (exclusive; null = from the first); without, every state after it.
     */
    record Listing(String jurisdiction, DesignationStatus status, Integer limit, String after)
            implements DesignationRequest {

        /** Every state that matches the filters: no page, from the first key. */
        Listing(String jurisdiction, DesignationStatus status) {
            this(jurisdiction, status, null, null);
        }

        boolean matches(DesignationState state) {
            return (jurisdiction == null || jurisdiction.equals(state.getJurisdiction()))
                    && (status == null || status == state.getStatus());
        }

        /** The same question for one page: at most {@code size} states after the key {@code from}. */
        Listing page(int size, String from) {
            return new Listing(jurisdiction, status, size, from);
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
            if (limit != null) {
                parameters.add("limit=" + limit);
            }
            if (after != null) {
                parameters.add("after=" + PercentEncoding.encode(after));
            }
            return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        }
    }
}
