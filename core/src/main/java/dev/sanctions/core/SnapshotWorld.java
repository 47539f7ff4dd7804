package dev.sanctions.core;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.DesignationState;
import java.time.Instant;
import java.util.List;

/**
 * What {@link SnapshotRun} reads and writes while it applies one snapshot: the processor backs it with its state
 * stores, {@link LogFold} with maps. Every method is a bounded lookup or write, so a run never needs the whole list
 * in memory.
 */
public interface SnapshotWorld {

    /** The current state of a designation, or null when it was never designated. */
    DesignationState state(String designationKey);

    /**
     * Keeps a changed state. The implementation also keeps its list index: a designation is in the index of
     * (authority, list) exactly while its state is ACTIVE with that list ({@link SnapshotRun#indexedList}).
     */
    void put(DesignationState after);

    /** The {@code publishedAt} of the last snapshot of (authority, list) applied, or null when none was. */
    Instant lastSnapshot(String authority, String list);

    /** Records that a snapshot of (authority, list) published at {@code publishedAt} was applied. */
    void snapshotApplied(String authority, String list, Instant publishedAt);

    /** Entry #index (from 0) of the whole snapshot being applied. */
    Action entry(int index);

    /** The index of the first entry of the snapshot being applied that names this target id, or null. */
    Integer namedAt(String targetId);

    /** Notes that entry #index is the first of the snapshot being applied to name this target id. */
    void name(String targetId, int index);

    /**
     * The keys of the ACTIVE designations of (authority, list), in code-point order, after {@code afterKey} ({@code
     * null}: from the first), at most {@code limit}.
     */
    List<String> activeKeys(String authority, String list, String afterKey, int limit);
}
