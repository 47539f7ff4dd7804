package dev.sanctions.core;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import java.util.Objects;

/** What one action (or one whole announcement) did to the fold. */
public sealed interface Outcome {

    /** The state changed: the new state and its one notification. */
    record Changed(DesignationState after, DesignationChange change) implements Outcome {
        public Changed {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(change, "change");
        }
    }

    /** A valid action that changes nothing: no notification, state (provenance included) untouched. */
    record Unchanged() implements Outcome {}

    /** The action, or the whole announcement ({@code actionIndex} null), was not applied. */
    record Rejected(RejectedAction rejection) implements Outcome {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
