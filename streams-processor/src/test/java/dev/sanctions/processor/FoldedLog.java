package dev.sanctions.processor;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.core.LogFold;
import dev.sanctions.core.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/** What the processor must commit for a log: {@code core}'s in-memory fold of it, the oracle of every processor test. */
record FoldedLog(
        List<DesignationChange> changes, List<RejectedAction> rejections, SortedMap<String, DesignationState> states) {

    static FoldedLog of(List<Announcement> log) {
        LogFold fold = new LogFold();
        List<DesignationChange> changes = new ArrayList<>();
        List<RejectedAction> rejections = new ArrayList<>();
        for (Announcement announcement : log) {
            for (Outcome outcome : fold.apply(announcement)) {
                if (outcome instanceof Outcome.Changed changed) {
                    changes.add(changed.change());
                } else if (outcome instanceof Outcome.Rejected rejected) {
                    rejections.add(rejected.rejection());
                }
            }
        }
        return new FoldedLog(List.copyOf(changes), List.copyOf(rejections), fold.states());
    }
}
