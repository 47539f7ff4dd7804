package dev.sanctions.processor;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.core.LogFold;
import dev.sanctions.core.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/** What the processor must commit for a log: {@code core}'s in-memory fold of it, the oracle of every processor test. */
public record FoldedLog(
        List<DesignationChange> changes, List<RejectedAction> rejections, SortedMap<String, DesignationState> states) {

    public static FoldedLog of(List<Announcement> log) {
        Folding folding = new Folding();
        log.forEach(folding::apply);
        return folding.folded();
    }

    /**
     * The fold of a log announcement by announcement, for a test that needs what it made up to some point as well as
     * the whole: one pass, where folding each prefix again took seconds on a large log.
     */
    public static final class Folding {
        private final LogFold fold = new LogFold();
        private final List<DesignationChange> changes = new ArrayList<>();
        private final List<RejectedAction> rejections = new ArrayList<>();
        private final List<AnnouncementReceipt> receipts = new ArrayList<>();

        public void apply(Announcement announcement) {
            LogFold.Applied applied = fold.applyWithReceipts(announcement);
            for (Outcome outcome : applied.outcomes()) {
                if (outcome instanceof Outcome.Changed changed) {
                    changes.add(changed.change());
                } else if (outcome instanceof Outcome.Rejected rejected) {
                    rejections.add(rejected.rejection());
                }
            }
            receipts.addAll(applied.receipts());
        }

        /** The notifications so far. */
        public int changeCount() {
            return changes.size();
        }

        /** The receipts so far. */
        public List<AnnouncementReceipt> receipts() {
            return List.copyOf(receipts);
        }

        /** The fold of what was applied; call it once all is. */
        public FoldedLog folded() {
            return new FoldedLog(List.copyOf(changes), List.copyOf(rejections), fold.states());
        }
    }
}
