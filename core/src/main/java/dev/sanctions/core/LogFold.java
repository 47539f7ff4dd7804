package dev.sanctions.core;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fold of a whole log held in memory: what {@code replay} runs and the oracle the processor's tests compare
 * against. It takes the same steps as the processor: {@link Intake#admit} then {@link Fold#apply} per action; the
 * parts of a snapshot through {@link SnapshotAssembly}, and a complete snapshot through {@link SnapshotRun}. Feed it
 * announcements in log order. Not thread-safe.
 */
public final class LogFold {
    // Hashed for the replay's hot path; sorted only when asked for, in states().
    private final Map<String, DesignationState> states = new HashMap<>();
    // Only looked up, never iterated, so hash order cannot reach an output.
    private final Map<String, Set<String>> usedIdsByAuthority = new HashMap<>();
    // (authority NUL list) to the keys of its ACTIVE designations, in code-point order.
    private final Map<String, NavigableSet<String>> listIndex = new HashMap<>();
    private final Map<String, Instant> lastSnapshots = new HashMap<>();
    private final Map<String, SnapshotAssembly.Pending> pending = new HashMap<>();
    private final Map<String, List<Announcement>> pendingParts = new HashMap<>();
    private final int snapshotBudget;

    public LogFold() {
        this(Integer.MAX_VALUE);
    }

    /** Applies snapshots {@code snapshotBudget} entries at a time: the result is the same for any budget. */
    LogFold(int snapshotBudget) {
        this.snapshotBudget = snapshotBudget;
    }

    /**
     * Starts from a designation's current state as the designations topic holds it, rather than from the log that made
     * it: what a preview of announcements against the current state folds on. Call before the first {@link #apply}.
     */
    public LogFold knowing(DesignationState state) {
        put(state);
        return this;
    }

    /** Starts knowing that the authority already used this announcement id (a repeat is a duplicate). */
    public LogFold knowingUsed(String authority, String announcementId) {
        usedIdsByAuthority.computeIfAbsent(authority, a -> new HashSet<>()).add(announcementId);
        return this;
    }

    /** Starts knowing the {@code publishedAt} of the last snapshot of (authority, list) applied. */
    public LogFold knowingLastSnapshot(String authority, String list, Instant publishedAt) {
        lastSnapshots.put(indexKey(authority, list), publishedAt);
        return this;
    }

    /** What one record did: the outcomes in order and the receipts of the announcements it finished. */
    public record Applied(List<Outcome> outcomes, List<AnnouncementReceipt> receipts) {
        public Applied {
            outcomes = List.copyOf(outcomes);
            receipts = List.copyOf(receipts);
        }
    }

    /**
     * Folds one announcement: a duplicate id of its authority or an announcement-level rule failure gives one
     * rejection and applies nothing; otherwise one outcome per action, in order, each applied to the state left by
     * the previous one. A part of a larger snapshot gives nothing until the last part, which gives the outcomes of
     * the whole snapshot.
     */
    public List<Outcome> apply(Announcement announcement) {
        return applyWithReceipts(announcement).outcomes();
    }

    /** As {@link #apply}, with the receipts of the announcements the record finished (none for a buffered part). */
    public Applied applyWithReceipts(Announcement announcement) {
        List<Outcome> outcomes = new ArrayList<>();
        List<AnnouncementReceipt> receipts = new ArrayList<>();
        String authority = announcement.getAuthority();
        SnapshotAssembly.Arrival arrival = SnapshotAssembly.arrive(pending.get(authority), announcement);
        if (arrival.abandoned() != null) {
            SnapshotAssembly.Pending dropped = pending.remove(authority);
            pendingParts.remove(authority);
            refuse(arrival.abandoned(), dropped.list(), dropped.entries(), outcomes, receipts);
        }
        switch (arrival.kind()) {
            case WHOLE -> applyWhole(announcement, outcomes, receipts);
            case STRAY_PART ->
                refuse(
                        arrival.refused(),
                        Intake.listOf(announcement),
                        announcement.getActions().size(),
                        outcomes,
                        receipts);
            case FIRST_PART, NEXT_PART -> {
                pendingParts.computeIfAbsent(authority, a -> new ArrayList<>()).add(announcement);
                if (arrival.pending().complete()) {
                    pending.remove(authority);
                    applyParts(arrival.pending(), pendingParts.remove(authority), outcomes, receipts);
                } else {
                    pending.put(authority, arrival.pending());
                }
            }
        }
        return new Applied(outcomes, receipts);
    }

    private void applyWhole(Announcement announcement, List<Outcome> outcomes, List<AnnouncementReceipt> receipts) {
        if (announcement.getSnapshot() != null) {
            Optional<RejectedAction> refusal = Intake.refusal(announcement, used(announcement));
            if (refusal.isPresent()) {
                refuse(refusal.get(), Intake.listOf(announcement), sizeOf(announcement), outcomes, receipts);
            } else {
                runSnapshot(announcement, new ArrayList<>(announcement.getActions()), outcomes, receipts);
            }
            return;
        }
        Admission admission = Intake.admit(announcement, used(announcement));
        if (admission instanceof Admission.Refused refused) {
            refuse(refused.rejection(), announcement.getList(), sizeOf(announcement), outcomes, receipts);
            return;
        }
        markUsed(announcement);
        ReceiptTally tally =
                ReceiptTally.of(announcement, announcement.getActions().size());
        for (AnnouncedAction action : ((Admission.Accepted) admission).actions()) {
            Outcome outcome = Fold.apply(
                    DesignationKeys.forAction(action).map(states::get).orElse(null), action);
            if (outcome instanceof Outcome.Changed changed) {
                put(changed.after());
            }
            outcomes.add(outcome);
            tally.add(outcome);
        }
        receipts.add(tally.receipt());
    }

    private void applyParts(
            SnapshotAssembly.Pending complete,
            List<Announcement> parts,
            List<Outcome> outcomes,
            List<AnnouncementReceipt> receipts) {
        Announcement head = parts.get(0);
        RejectedAction refusal =
                Intake.refusal(head, used(head)).orElseGet(() -> SnapshotAssembly.refusal(complete, head));
        if (refusal != null) {
            refuse(refusal, complete.list(), complete.entries(), outcomes, receipts);
            return;
        }
        List<Action> entries = new ArrayList<>(complete.entries());
        parts.forEach(part -> entries.addAll(part.getActions()));
        runSnapshot(head, entries, outcomes, receipts);
    }

    private void runSnapshot(
            Announcement head, List<Action> entries, List<Outcome> outcomes, List<AnnouncementReceipt> receipts) {
        markUsed(head);
        SnapshotRun run = new SnapshotRun(head, entries.size());
        InMemoryWorld world = new InMemoryWorld(entries);
        ReceiptTally tally = ReceiptTally.of(head, entries.size());
        SnapshotCursor cursor = SnapshotCursor.start();
        while (!cursor.done()) {
            SnapshotRun.Step step = run.step(world, cursor, snapshotBudget);
            outcomes.addAll(step.outcomes());
            tally.addAll(step.outcomes());
            cursor = step.cursor();
        }
        receipts.add(tally.receipt());
    }

    private static void refuse(
            RejectedAction refusal,
            String list,
            int actions,
            List<Outcome> outcomes,
            List<AnnouncementReceipt> receipts) {
        outcomes.add(new Outcome.Rejected(refusal));
        receipts.add(ReceiptTally.refused(refusal, list, actions));
    }

    private boolean used(Announcement announcement) {
        return usedIdsByAuthority
                .getOrDefault(announcement.getAuthority(), Set.of())
                .contains(announcement.getAnnouncementId());
    }

    private void markUsed(Announcement announcement) {
        usedIdsByAuthority
                .computeIfAbsent(announcement.getAuthority(), a -> new HashSet<>())
                .add(announcement.getAnnouncementId());
    }

    private static int sizeOf(Announcement announcement) {
        return announcement.getActions() == null ? 0 : announcement.getActions().size();
    }

    private void put(DesignationState after) {
        DesignationState before = states.put(after.getDesignationKey(), after);
        String was = SnapshotRun.indexedList(before);
        if (was != null) {
            listIndex.get(indexKey(before.getAuthority(), was)).remove(before.getDesignationKey());
        }
        String is = SnapshotRun.indexedList(after);
        if (is != null) {
            listIndex
                    .computeIfAbsent(indexKey(after.getAuthority(), is), k -> new TreeSet<>(Canonical.TEXT_ORDER))
                    .add(after.getDesignationKey());
        }
    }

    private static String indexKey(String authority, String list) {
        return authority + '\u0000' + list;
    }

    /** The fold's maps seen by one snapshot run, with that run's entries and named target ids. */
    private final class InMemoryWorld implements SnapshotWorld {
        private final List<Action> entries;
        private final Map<String, Integer> named = new HashMap<>();

        InMemoryWorld(List<Action> entries) {
            this.entries = entries;
        }

        @Override
        public DesignationState state(String designationKey) {
            return states.get(designationKey);
        }

        @Override
        public void put(DesignationState after) {
            LogFold.this.put(after);
        }

        @Override
        public Instant lastSnapshot(String authority, String list) {
            return lastSnapshots.get(indexKey(authority, list));
        }

        @Override
        public void snapshotApplied(String authority, String list, Instant publishedAt) {
            lastSnapshots.put(indexKey(authority, list), publishedAt);
        }

        @Override
        public Action entry(int index) {
            return entries.get(index);
        }

        @Override
        public Integer namedAt(String targetId) {
            return named.get(targetId);
        }

        @Override
        public void name(String targetId, int index) {
            named.put(targetId, index);
        }

        @Override
        public List<String> activeKeys(String authority, String list, String afterKey, int limit) {
            NavigableSet<String> keys =
                    listIndex.getOrDefault(indexKey(authority, list), Collections.emptyNavigableSet());
            NavigableSet<String> tail = afterKey == null ? keys : keys.tailSet(afterKey, false);
            List<String> page = new ArrayList<>(Math.min(limit, Math.max(0, tail.size())));
            for (String key : tail) {
                if (page.size() == limit) {
                    break;
                }
                page.add(key);
            }
            return page;
        }
    }

    /** The current state of one designation, if it was ever designated. */
    public Optional<DesignationState> state(String designationKey) {
        return Optional.ofNullable(states.get(designationKey));
    }

    /** Every designation's current state, sorted by key (by code point, as sets are sorted); a read-only copy. */
    public SortedMap<String, DesignationState> states() {
        return statesOf(List.of(this));
    }

    /**
     * The states of several folds that share no designation (the replay's lanes, each folding its own authorities),
     * as {@link #states()} gives one fold's: sorted once, rather than sorting each and merging the sorted maps.
     */
    public static SortedMap<String, DesignationState> statesOf(List<LogFold> folds) {
        TreeMap<String, DesignationState> sorted = new TreeMap<>(Canonical.TEXT_ORDER);
        folds.forEach(fold -> sorted.putAll(fold.states));
        return Collections.unmodifiableSortedMap(sorted);
    }
}
