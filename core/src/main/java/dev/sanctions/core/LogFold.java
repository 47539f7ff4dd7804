package dev.sanctions.core;

import dev.sanctions.avro.AnnouncedAction;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fold of a whole log held in memory: what {@code replay} runs and the oracle the processor's tests compare
 * against. It takes the same two steps as the processor, {@link Intake#admit} then {@link Fold#apply} per action.
 * Feed it announcements in log order. Not thread-safe.
 */
public final class LogFold {
    // Hashed for the replay's hot path; sorted only when asked for, in states().
    private final Map<String, DesignationState> states = new HashMap<>();
    // Only looked up, never iterated, so hash order cannot reach an output.
    private final Map<String, Set<String>> usedIdsByAuthority = new HashMap<>();

    public LogFold() {}

    /**
     * Folds one announcement: a duplicate id of its authority or an announcement-level rule failure gives one
     * rejection and applies nothing; otherwise one outcome per action, in order, each applied to the state left by
     * the previous one.
     */
    public List<Outcome> apply(Announcement announcement) {
        String authority = announcement.getAuthority();
        String id = announcement.getAnnouncementId();
        Admission admission = Intake.admit(
                announcement,
                usedIdsByAuthority.getOrDefault(authority, Set.of()).contains(id));
        if (admission instanceof Admission.Refused refused) {
            return List.of(new Outcome.Rejected(refused.rejection()));
        }
        usedIdsByAuthority.computeIfAbsent(authority, a -> new HashSet<>()).add(id);
        List<AnnouncedAction> actions = ((Admission.Accepted) admission).actions();
        List<Outcome> outcomes = new ArrayList<>(actions.size());
        for (AnnouncedAction action : actions) {
            Outcome outcome = Fold.apply(
                    DesignationKeys.forAction(action).map(states::get).orElse(null), action);
            if (outcome instanceof Outcome.Changed changed) {
                states.put(changed.after().getDesignationKey(), changed.after());
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** The current state of one designation, if it was ever designated. */
    public Optional<DesignationState> state(String designationKey) {
        return Optional.ofNullable(states.get(designationKey));
    }

    /** Every designation's current state, sorted by key (by code point, as sets are sorted); a read-only copy. */
    public SortedMap<String, DesignationState> states() {
        TreeMap<String, DesignationState> sorted = new TreeMap<>(Canonical.TEXT_ORDER);
        sorted.putAll(states);
        return Collections.unmodifiableSortedMap(sorted);
    }
}
