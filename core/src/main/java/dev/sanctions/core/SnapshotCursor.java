package dev.sanctions.core;

import java.util.Objects;

/**
 * How far {@link SnapshotRun} got in applying one snapshot: small and plain, so the processor stores it between two
 * steps (and two transactions) and resumes from it after a crash.
 *
 * @param next the next entry to name or apply
 * @param afterKey the last designation key counted or delisted in the current phase, or null
 * @param active ACTIVE designations of the list before the snapshot (counted in {@link Phase#COUNTING})
 * @param delisting those of them no entry names
 * @param derived derived delistings made so far
 */
public record SnapshotCursor(Phase phase, int next, String afterKey, int active, int delisting, int derived) {

    /** The phases, in order. */
    public enum Phase {
        /** The stale check. */
        CHECKING,
        /** Noting the first entry that names each target id. */
        NAMING,
        /** Counting the list's ACTIVE designations and those no entry names, for the guard. */
        COUNTING,
        /** Applying the entries in order. */
        ENTRIES,
        /** Delisting, in code-point order of keys, the ACTIVE designations no entry named. */
        DELISTING,
        /** Applied or refused; nothing left to do. */
        DONE
    }

    public SnapshotCursor {
        Objects.requireNonNull(phase, "phase");
    }

    /** Before the first step. */
    public static SnapshotCursor start() {
        return new SnapshotCursor(Phase.CHECKING, 0, null, 0, 0, 0);
    }

    public boolean done() {
        return phase == Phase.DONE;
    }

    SnapshotCursor in(Phase next) {
        return new SnapshotCursor(next, 0, null, active, delisting, derived);
    }

    SnapshotCursor at(int nextEntry) {
        return new SnapshotCursor(phase, nextEntry, afterKey, active, delisting, derived);
    }

    SnapshotCursor after(String key, int newActive, int newDelisting, int newDerived) {
        return new SnapshotCursor(phase, next, key, newActive, newDelisting, newDerived);
    }
}
