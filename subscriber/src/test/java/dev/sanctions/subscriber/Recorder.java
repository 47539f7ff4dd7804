package dev.sanctions.subscriber;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Keeps what a subscriber delivered, for assertions from the test thread. */
class Recorder implements DesignationListener {

    record Gap(String key, long expected, long received) {}

    final List<DesignationState> snapshot = new CopyOnWriteArrayList<>();
    final List<DesignationChange> changes = new CopyOnWriteArrayList<>();
    final List<Gap> gaps = new CopyOnWriteArrayList<>();
    /** The snapshot's progress reports and states in the order they came: "read N", "done N", "state KEY". */
    final List<String> snapshotEvents = new CopyOnWriteArrayList<>();

    private final Predicate<DesignationChange> failOn;

    Recorder() {
        this(change -> false);
    }

    /** A recorder whose {@code onChange} throws for the changes matching {@code failOn}, before recording them. */
    Recorder(Predicate<DesignationChange> failOn) {
        this.failOn = failOn;
    }

    @Override
    public void onSnapshot(DesignationState state) {
        snapshot.add(state);
        snapshotEvents.add("state " + state.getDesignationKey());
    }

    @Override
    public void onSnapshotProgress(long recordsRead, boolean done) {
        snapshotEvents.add((done ? "done " : "read ") + recordsRead);
    }

    @Override
    public void onChange(DesignationChange change) {
        if (failOn.test(change)) {
            throw new IllegalStateException("the bank's handler failed on " + change.getChangeId());
        }
        changes.add(change);
    }

    @Override
    public void onGap(String designationKey, long expected, long received) {
        gaps.add(new Gap(designationKey, expected, received));
    }

    List<String> changeIds() {
        return changes.stream()
                .map(c -> c.getDesignationKey() + "@" + c.getVersion())
                .toList();
    }
}
