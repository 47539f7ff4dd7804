package dev.sanctions.core;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies one admitted snapshot of list L of authority A (docs/events.md, full-list snapshots) in bounded steps:
 * <ol>
 *   <li>{@code STALE_SNAPSHOT} when a snapshot of (A, L) published later was already applied;
 *   <li>{@code SNAPSHOT_GUARD} when it would delist more than its {@code maxDelistFraction} of the ACTIVE
 *       designations of (A, L);
 *   <li>each entry in order ({@link Fold#applyEntry}); a second entry of one target id is {@code INVALID_ACTION};
 *   <li>every ACTIVE designation of (A, L) no entry named is delisted, in code-point order of keys, its {@code
 *       changeId} continuing the numbering after the last entry.
 * </ol>
 * Each {@link #step} does at most about {@code budget} entries or keys of work and returns the outcomes in order and
 * the cursor to resume from; the outcomes do not depend on the budget, because nothing else touches the world between
 * the first step and the last. Pure: everything it reads and writes goes through the {@link SnapshotWorld}.
 */
public final class SnapshotRun {
    private final Announcement head;
    private final String authority;
    private final String list;
    private final int entries;

    /**
     * @param head the snapshot's first part (its provenance; its actions are not read)
     * @param entries the entries of the whole snapshot
     */
    public SnapshotRun(Announcement head, int entries) {
        this.head = Objects.requireNonNull(head, "head");
        if (head.getSnapshot() == null) {
            throw new IllegalArgumentException("announcement " + head.getAnnouncementId() + " is no snapshot");
        }
        this.authority = head.getAuthority();
        this.list = head.getSnapshot().getList();
        this.entries = entries;
    }

    /** The outcomes of one step, in order, and where the next step starts. */
    public record Step(List<Outcome> outcomes, SnapshotCursor cursor) {
        public Step {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * The list whose index holds this state: its list while it is ACTIVE, else null. What {@link SnapshotWorld#put}
     * keeps the index by.
     */
    public static String indexedList(DesignationState state) {
        return state != null && state.getStatus() == DesignationStatus.ACTIVE ? state.getList() : null;
    }

    /** Does up to about {@code budget} (at least 1) units of work from {@code cursor}. */
    public Step step(SnapshotWorld world, SnapshotCursor cursor, int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be at least 1, got " + budget);
        }
        List<Outcome> outcomes = new ArrayList<>();
        SnapshotCursor at = cursor;
        int left = budget;
        while (left > 0 && !at.done()) {
            switch (at.phase()) {
                case CHECKING -> at = check(world, outcomes);
                case NAMING -> {
                    int end = Math.min(entries, at.next() + left);
                    for (int i = at.next(); i < end; i++) {
                        String targetId = targetId(world.entry(i));
                        if (targetId != null && world.namedAt(targetId) == null) {
                            world.name(targetId, i);
                        }
                    }
                    left -= end - at.next();
                    at = end == entries ? at.in(SnapshotCursor.Phase.COUNTING) : at.at(end);
                }
                case COUNTING -> {
                    List<String> keys = world.activeKeys(authority, list, at.afterKey(), left);
                    int delisting = at.delisting();
                    for (String key : keys) {
                        if (world.namedAt(targetIdOf(key)) == null) {
                            delisting++;
                        }
                    }
                    left -= Math.max(1, keys.size());
                    at = keys.isEmpty()
                            ? guard(at, outcomes)
                            : at.after(keys.get(keys.size() - 1), at.active() + keys.size(), delisting, 0);
                }
                case ENTRIES -> {
                    int end = Math.min(entries, at.next() + left);
                    for (int i = at.next(); i < end; i++) {
                        outcomes.add(applyEntry(world, i));
                    }
                    left -= end - at.next();
                    at = end == entries ? at.in(SnapshotCursor.Phase.DELISTING) : at.at(end);
                }
                case DELISTING -> {
                    List<String> keys = world.activeKeys(authority, list, at.afterKey(), left);
                    int derived = at.derived();
                    for (String key : keys) {
                        if (world.namedAt(targetIdOf(key)) == null) {
                            outcomes.add(keep(world, Fold.apply(world.state(key), derivedDelisting(key, derived))));
                            derived++;
                        }
                    }
                    left -= Math.max(1, keys.size());
                    if (keys.isEmpty()) {
                        world.snapshotApplied(authority, list, head.getPublishedAt());
                        at = at.in(SnapshotCursor.Phase.DONE);
                    } else {
                        at = at.after(keys.get(keys.size() - 1), at.active(), at.delisting(), derived);
                    }
                }
                case DONE -> throw new IllegalStateException("unreachable: the loop stops at DONE");
            }
        }
        return new Step(outcomes, at);
    }

    private SnapshotCursor check(SnapshotWorld world, List<Outcome> outcomes) {
        Instant applied = world.lastSnapshot(authority, list);
        if (applied != null && applied.isAfter(head.getPublishedAt())) {
            outcomes.add(new Outcome.Rejected(Rejections.staleSnapshot(head, list, applied)));
            return SnapshotCursor.start().in(SnapshotCursor.Phase.DONE);
        }
        return SnapshotCursor.start().in(SnapshotCursor.Phase.NAMING);
    }

    private SnapshotCursor guard(SnapshotCursor counted, List<Outcome> outcomes) {
        double fraction = head.getSnapshot().getMaxDelistFraction();
        if (counted.delisting() > fraction * counted.active()) {
            outcomes.add(new Outcome.Rejected(
                    Rejections.snapshotGuard(head, list, counted.delisting(), counted.active(), fraction)));
            return counted.in(SnapshotCursor.Phase.DONE);
        }
        return counted.in(SnapshotCursor.Phase.ENTRIES);
    }

    private Outcome applyEntry(SnapshotWorld world, int index) {
        AnnouncedAction entry = Intake.announced(head, index, world.entry(index));
        String key = DesignationKeys.forAction(entry).orElse(null);
        if (key != null) {
            int first = world.namedAt(entry.getAction().getTarget().getId());
            if (first != index) {
                return Rejections.duplicateEntry(entry, key, first);
            }
        }
        return keep(world, Fold.applyEntry(key == null ? null : world.state(key), entry));
    }

    /** Entry-numbered after the last entry: the {@code derived}-th derived delisting of this snapshot. */
    private AnnouncedAction derivedDelisting(String key, int derived) {
        Action delist = Action.newBuilder()
                .setAction(ActionType.DELIST)
                .setTarget(Target.newBuilder().setId(targetIdOf(key)).build())
                .setMeasures(null)
                .setPrograms(null)
                .setReason(null)
                .build();
        return Intake.announced(head, entries + derived, delist);
    }

    private static Outcome keep(SnapshotWorld world, Outcome outcome) {
        if (outcome instanceof Outcome.Changed changed) {
            world.put(changed.after());
        }
        return outcome;
    }

    private static String targetId(Action entry) {
        Target target = entry == null ? null : entry.getTarget();
        return target != null && AnnouncementRules.isValidTargetId(target.getId()) ? target.getId() : null;
    }

    private String targetIdOf(String designationKey) {
        return designationKey.substring(authority.length() + 1);
    }
}
