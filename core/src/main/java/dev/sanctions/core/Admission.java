package dev.sanctions.core;

import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.RejectedAction;
import java.util.List;
import java.util.Objects;

/** Whether an announcement enters the fold: as its actions, or as one rejection of the whole. */
public sealed interface Admission {

    /** Apply these actions, in this order (the announcement's array order). */
    record Accepted(List<AnnouncedAction> actions) implements Admission {
        public Accepted {
            actions = List.copyOf(actions);
        }
    }

    /** Nothing of the announcement applies; its id stays unused. */
    record Refused(RejectedAction rejection) implements Admission {
        public Refused {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
