package dev.sanctions.subscriber;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;

/**
 * What a bank's code receives from a {@link Subscriber}, always on the thread that called {@link Subscriber#run}.
 * A method that throws ends the run with that exception; notifications not yet acknowledged are delivered again
 * to the next run of the same consumer group.
 */
public interface DesignationListener {

    /**
     * One designation's current state from the snapshot, in designation-key order, before any
     * {@link #onChange}. Delisted designations are included (status {@code DELISTED}).
     */
    default void onSnapshot(DesignationState state) {}

    /**
     * While the snapshot is read, before any {@link #onSnapshot}: the number of records read so far, often (a
     * display should throttle itself), then once with {@code done} true when the whole topic has been read. For a
     * progress display; reading a large designations topic takes a while.
     */
    default void onSnapshotProgress(long recordsRead, boolean done) {}

    /**
     * One notification. Per designation key they arrive in version order and each version once per run; with a
     * snapshot, only versions newer than the snapshot's.
     */
    void onChange(DesignationChange change);

    /**
     * Versions of {@code designationKey} between {@code expected} and {@code received} never arrived: notifications
     * were lost upstream (a processor fault, or retention deleted them before they were read). Called just before
     * the change with version {@code received} is passed to {@link #onChange}. The subscriber also logs a warning.
     */
    default void onGap(String designationKey, long expected, long received) {}
}
