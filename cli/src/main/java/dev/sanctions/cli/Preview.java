package dev.sanctions.cli;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.core.LogFold;
import dev.sanctions.core.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What announcements would do to the current state, as the processor would fold them: the dry runs of {@code publish}
 * and {@code import}. The fold is core's {@link LogFold}, started from the current state ({@link CurrentState}) instead
 * of an empty log, so the preview and the processor cannot disagree on a rule. Advisory: whatever the processor reads
 * first (another publisher's announcements) is not in it.
 */
final class Preview {

    /** How long to wait for the cluster before falling back to validation only. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    static final String ADVISORY = "advisory: this preview is against the current state; the processor's result can"
            + " differ if other announcements land first.";

    /** One list of one authority. */
    record ListOf(String authority, String list) {}

    /** What one announcement would do: its outcomes in order and its receipt. */
    record Result(Announcement announcement, List<Outcome> outcomes, AnnouncementReceipt receipt) {}

    private final CurrentState.Known known;
    private final List<Result> results;
    private final String unreachable;

    private Preview(CurrentState.Known known, List<Result> results, String unreachable) {
        this.known = known;
        this.results = results;
        this.unreachable = unreachable;
    }

    /** Folds {@code announcements}, in order, on the current state read from {@code state}. */
    static Preview against(CurrentState state, List<Announcement> announcements) {
        CurrentState.Known known;
        try {
            known = state.read(interestIn(announcements));
        } catch (CurrentState.UnreachableException e) {
            return new Preview(null, List.of(), e.getMessage());
        }
        return of(known, announcements);
    }

    /** Folds {@code announcements}, in order, on {@code known}. */
    static Preview of(CurrentState.Known known, List<Announcement> announcements) {
        return new Preview(known, fold(known, announcements), null);
    }

    /** What the fold needs of the current state to judge {@code announcements}. */
    static CurrentState.Interest interestIn(List<Announcement> announcements) {
        Set<String> keys = new HashSet<>();
        Set<ListOf> lists = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Announcement announcement : announcements) {
            ids.add(announcement.getAnnouncementId());
            Snapshot snapshot = announcement.getSnapshot();
            if (snapshot != null && snapshot.getList() != null) {
                lists.add(new ListOf(announcement.getAuthority(), snapshot.getList()));
            }
            for (Action action : announcement.getActions()) {
                String id =
                        action.getTarget() == null ? null : action.getTarget().getId();
                if (id != null && id.indexOf('/') < 0) {
                    keys.add(announcement.getAuthority() + "/" + id);
                }
            }
        }
        return new CurrentState.Interest(keys, lists, ids);
    }

    /** The fold of {@code announcements}, in order, started from {@code known}. */
    private static List<Result> fold(CurrentState.Known known, List<Announcement> announcements) {
        LogFold fold = new LogFold();
        known.states().forEach(fold::knowing);
        known.usedIds().forEach((authority, ids) -> ids.forEach(id -> fold.knowingUsed(authority, id)));
        known.lastSnapshots().forEach((list, at) -> fold.knowingLastSnapshot(list.authority(), list.list(), at));
        List<Result> results = new ArrayList<>();
        for (Announcement announcement : announcements) {
            LogFold.Applied applied = fold.applyWithReceipts(announcement);
            results.add(new Result(
                    announcement, applied.outcomes(), applied.receipts().get(0)));
        }
        return results;
    }

    /** Whether the current state was read; if not, {@link #closing} says why. */
    boolean compared() {
        return unreachable == null;
    }

    /** The lines of announcement #index: one per action (the whole when it is refused). */
    List<String> actionLines(int index) {
        if (!compared()) {
            return List.of();
        }
        Result result = results.get(index);
        List<Action> actions = result.announcement().getActions();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < result.outcomes().size(); i++) {
            lines.add("  " + describe(result.outcomes().get(i), i, i < actions.size() ? actions.get(i) : null, result));
        }
        return lines;
    }

    /** The lines that compare a snapshot (the only announcement previewed) with its list's current state. */
    List<String> snapshotLines() {
        if (!compared()) {
            return List.of();
        }
        Result result = results.get(0);
        RejectedAction refusal = wholeRefusal(result.receipt());
        // Refused by its guard, the fold stops before the entries: their counts come from the same fold with the
        // guard open, so the user sees what the snapshot would have done next to why it will not.
        boolean guarded = refusal != null && refusal.getReason() == RejectionReason.SNAPSHOT_GUARD;
        AnnouncementReceipt receipt = guarded
                ? fold(known, List.of(withGuardOpen(result.announcement())))
                        .get(0)
                        .receipt()
                : result.receipt();
        List<String> lines = new ArrayList<>();
        lines.add("compared with the current state: "
                + (guarded ? "past its guard it would designate " : "would designate ") + receipt.getDesignated()
                + ", amend "
                + receipt.getAmended() + ", delist " + receipt.getDelisted() + ", leave " + receipt.getUnchanged()
                + " unchanged; " + receipt.getRejected() + " rejected");
        if (refusal == null) {
            lines.add("the guard would let it through (maxDelistFraction "
                    + result.announcement().getSnapshot().getMaxDelistFraction() + ")");
        } else if (refusal.getReason() == RejectionReason.SNAPSHOT_GUARD) {
            lines.add("the guard would refuse it: " + refusal.getReason() + ": " + refusal.getMessage());
        } else {
            lines.add("the processor would refuse it: " + refusal.getReason() + ": " + refusal.getMessage());
        }
        for (RejectedAction rejection : receipt.getRejections()) {
            if (rejection.getActionIndex() != null) {
                lines.add("  #" + rejection.getActionIndex() + " " + rejection.getDesignationKey() + ": rejected "
                        + rejection.getReason() + ": " + rejection.getMessage());
            }
        }
        return lines;
    }

    /** The last line: the preview is advisory, or why there is none. */
    String closing() {
        return compared() ? ADVISORY : "no preview against the current state: " + unreachable + "; validated only.";
    }

    private static Announcement withGuardOpen(Announcement snapshot) {
        return Announcement.newBuilder(snapshot)
                .setSnapshot(Snapshot.newBuilder(snapshot.getSnapshot())
                        .setMaxDelistFraction(1.0)
                        .build())
                .build();
    }

    private static RejectedAction wholeRefusal(AnnouncementReceipt receipt) {
        return receipt.getRejections().stream()
                .filter(r -> r.getActionIndex() == null)
                .findFirst()
                .orElse(null);
    }

    private static String describe(Outcome outcome, int index, Action action, Result result) {
        if (outcome instanceof Outcome.Changed changed) {
            DesignationChange change = changed.change();
            String what = change.getChangeType().toString();
            if (change.getChangeType() == ChangeType.AMENDED) {
                what += " " + String.join(", ", change.getChangedFields());
            } else if (change.getChangeType() == ChangeType.DESIGNATED && change.getBefore() != null) {
                what += " (relisting)";
            }
            return index(change.getChangeId()) + " " + change.getDesignationKey() + ": " + what;
        }
        if (outcome instanceof Outcome.Rejected rejected) {
            RejectedAction rejection = rejected.rejection();
            String why = "rejected " + rejection.getReason() + ": " + rejection.getMessage();
            return rejection.getActionIndex() == null
                    ? why
                    : "#" + rejection.getActionIndex() + " "
                            + (rejection.getDesignationKey() == null ? "" : rejection.getDesignationKey() + ": ")
                            + why;
        }
        return "#" + index + " " + result.announcement().getAuthority() + "/"
                + action.getTarget().getId() + ": unchanged";
    }

    /** {@code #3} of {@code jp-2#3}: the action's index, or a derived delisting's after the entries. */
    private static String index(String changeId) {
        return changeId.substring(changeId.lastIndexOf('#'));
    }
}
