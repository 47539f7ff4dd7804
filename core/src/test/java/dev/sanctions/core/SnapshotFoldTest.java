package dev.sanctions.core;

import static dev.sanctions.avro.MeasureType.TRAVEL_BAN;
import static dev.sanctions.core.TestData.T1;
import static dev.sanctions.core.TestData.T2;
import static dev.sanctions.core.TestData.T3;
import static dev.sanctions.core.TestData.announcement;
import static dev.sanctions.core.TestData.delist;
import static dev.sanctions.core.TestData.designatePerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Full-list snapshots through the fold of a log: every rule of docs/events.md, "Full-list snapshots". */
class SnapshotFoldTest {
    private final LogFold fold = new LogFold();

    static Announcement snapshot(String id, Instant publishedAt, TestData.ActionBuilder... entries) {
        return snapshotOf("SDN", id, publishedAt, 0.25, entries);
    }

    static Announcement snapshotOf(
            String list, String id, Instant publishedAt, double fraction, TestData.ActionBuilder... entries) {
        return announcement(id)
                .authority("US-OFAC")
                .jurisdiction("US")
                .publishedAt(publishedAt)
                .snapshot(list, fraction)
                .actions(entries)
                .build();
    }

    static TestData.ActionBuilder entry(String id) {
        return designatePerson(id, "Name of " + id);
    }

    private static List<DesignationChange> changes(List<Outcome> outcomes) {
        List<DesignationChange> changes = new ArrayList<>();
        outcomes.forEach(o -> {
            if (o instanceof Outcome.Changed c) {
                changes.add(c.change());
            }
        });
        return changes;
    }

    private static List<RejectedAction> rejections(List<Outcome> outcomes) {
        List<RejectedAction> rejections = new ArrayList<>();
        outcomes.forEach(o -> {
            if (o instanceof Outcome.Rejected r) {
                rejections.add(r.rejection());
            }
        });
        return rejections;
    }

    private DesignationState state(String targetId) {
        return fold.state("US-OFAC/" + targetId).orElseThrow();
    }

    @Test
    void aFirstSnapshotDesignatesEveryEntryOnItsListAndItsReceiptCountsThem() {
        LogFold.Applied applied = fold.applyWithReceipts(snapshot("sdn-1", T1, entry("B"), entry("A")));

        assertThat(changes(applied.outcomes()))
                .extracting(
                        DesignationChange::getChangeId, DesignationChange::getChangeType, DesignationChange::getVersion)
                .containsExactly(
                        tuple("sdn-1#0", ChangeType.DESIGNATED, 1L), tuple("sdn-1#1", ChangeType.DESIGNATED, 1L));
        assertThat(state("A").getList()).isEqualTo("SDN");
        AnnouncementReceipt receipt = applied.receipts().get(0);
        assertThat(receipt.getActions()).isEqualTo(2);
        assertThat(receipt.getDesignated()).isEqualTo(2);
        assertThat(receipt.getList()).isEqualTo("SDN");
        assertThat(receipt.getRejected()).isZero();
    }

    @Test
    void anActiveEntryIsReplacedNotUnionedAndAFieldAbsentFromTheEntryBecomesNull() {
        fold.apply(snapshot(
                "sdn-1",
                T1,
                entry("A").aliases("Alpha", "Alef").position("Minister").programs("RUSSIA", "CYBER")));

        List<Outcome> outcomes =
                fold.apply(snapshot("sdn-2", T2, entry("A").aliases("Alpha").programs("RUSSIA")));

        DesignationChange change = changes(outcomes).get(0);
        assertThat(change.getChangeType()).isEqualTo(ChangeType.AMENDED);
        assertThat(change.getChangedFields()).containsExactly("programs", "target.aliases", "target.position");
        DesignationState a = state("A");
        assertThat(a.getTarget().getAliases()).containsExactly("Alpha");
        assertThat(a.getTarget().getPosition()).isNull();
        assertThat(a.getPrograms()).containsExactly("RUSSIA");
        assertThat(a.getVersion()).isEqualTo(2);
        assertThat(a.getLastAnnouncementId()).isEqualTo("sdn-2");
    }

    @Test
    void anEntryThatOnlyReordersItsListsChangesNothing() {
        fold.apply(snapshot("sdn-1", T1, entry("A").aliases("Alpha", "Alef").nationalities("RU", "BY")));

        LogFold.Applied applied = fold.applyWithReceipts(
                snapshot("sdn-2", T2, entry("A").aliases("Alef", "Alpha").nationalities("BY", "RU")));

        assertThat(applied.outcomes()).containsExactly(new Outcome.Unchanged());
        assertThat(applied.receipts().get(0).getUnchanged()).isEqualTo(1);
        assertThat(state("A").getLastAnnouncementId()).isEqualTo("sdn-1");
    }

    @Test
    void aDelistedDesignationNamedAgainIsRelisted() {
        fold.apply(snapshot("sdn-1", T1, entry("A"), entry("B"), entry("C"), entry("D")));
        fold.apply(snapshot("sdn-2", T2, entry("A"), entry("B"), entry("C")));
        assertThat(state("D").getStatus()).isEqualTo(DesignationStatus.DELISTED);

        List<Outcome> outcomes = fold.apply(snapshot("sdn-3", T3, entry("A"), entry("B"), entry("C"), entry("D")));

        DesignationChange relisting = changes(outcomes).get(0);
        assertThat(relisting.getChangeId()).isEqualTo("sdn-3#3");
        assertThat(relisting.getChangeType()).isEqualTo(ChangeType.DESIGNATED);
        assertThat(relisting.getBefore().getStatus()).isEqualTo(DesignationStatus.DELISTED);
        assertThat(relisting.getVersion()).isEqualTo(3);
        assertThat(state("D").getFirstDesignatedAt()).isEqualTo(T1);
    }

    @Test
    void designationsNoEntryNamesAreDelistedInCodePointOrderNumberedAfterTheLastEntry() {
        // U+FF21 sorts before U+1F600 by code point, after it in Java's UTF-16 order.
        fold.apply(snapshotOf(
                "SDN", "sdn-1", T1, 1.0, entry("K"), entry("\uD83D\uDE00"), entry("\uFF21"), entry("b"), entry("Z")));

        List<Outcome> outcomes = fold.apply(snapshotOf("SDN", "sdn-2", T2, 1.0, entry("K")));

        assertThat(outcomes.get(0)).isEqualTo(new Outcome.Unchanged());
        assertThat(changes(outcomes))
                .extracting(
                        DesignationChange::getChangeId,
                        DesignationChange::getTargetId,
                        DesignationChange::getChangeType)
                .containsExactly(
                        tuple("sdn-2#1", "Z", ChangeType.DELISTED),
                        tuple("sdn-2#2", "b", ChangeType.DELISTED),
                        tuple("sdn-2#3", "\uFF21", ChangeType.DELISTED),
                        tuple("sdn-2#4", "\uD83D\uDE00", ChangeType.DELISTED));
        assertThat(state("Z").getMeasures()).isEmpty();
        assertThat(state("Z").getList()).isEqualTo("SDN");
    }

    @Test
    void anOlderSnapshotThanOneAppliedIsStaleAndChangesNothing() {
        fold.apply(snapshot("sdn-2", T2, entry("A")));

        LogFold.Applied applied = fold.applyWithReceipts(snapshot("sdn-1", T1, entry("B")));

        assertThat(applied.outcomes()).hasSize(1);
        RejectedAction rejection = rejections(applied.outcomes()).get(0);
        assertThat(rejection.getReason()).isEqualTo(RejectionReason.STALE_SNAPSHOT);
        assertThat(rejection.getActionIndex()).isNull();
        assertThat(fold.states()).containsOnlyKeys("US-OFAC/A");
        assertThat(applied.receipts().get(0).getRejected()).isEqualTo(1);
    }

    @Test
    void aSnapshotThatWouldDelistTooMuchIsRefusedWithBothCounts() {
        fold.apply(snapshot("sdn-1", T1, entry("A"), entry("B"), entry("C"), entry("D")));

        List<Outcome> outcomes = fold.apply(snapshot("sdn-2", T2, entry("A"), entry("B"), entry("E")));

        // 2 of 4 is more than 0.25
        assertThat(outcomes).hasSize(1);
        RejectedAction rejection = rejections(outcomes).get(0);
        assertThat(rejection.getReason()).isEqualTo(RejectionReason.SNAPSHOT_GUARD);
        assertThat(rejection.getMessage()).contains("would delist 2 of the 4 ACTIVE designations");
        assertThat(fold.state("US-OFAC/E")).isEmpty();
        assertThat(state("C").getStatus()).isEqualTo(DesignationStatus.ACTIVE);
    }

    @Test
    void exactlyTheFractionPasses() {
        fold.apply(snapshot("sdn-1", T1, entry("A"), entry("B"), entry("C"), entry("D")));

        List<Outcome> outcomes = fold.apply(snapshot("sdn-2", T2, entry("A"), entry("B"), entry("C")));

        assertThat(changes(outcomes)).extracting(DesignationChange::getTargetId).containsExactly("D");
    }

    @Test
    void aSecondEntryOfOneTargetIsInvalidAndTheFirstApplies() {
        List<Outcome> outcomes = fold.apply(snapshot(
                "sdn-1",
                T1,
                entry("A").position("first"),
                entry("B"),
                entry("A").position("second")));

        assertThat(outcomes).hasSize(3);
        RejectedAction rejection = rejections(outcomes).get(0);
        assertThat(rejection.getReason()).isEqualTo(RejectionReason.INVALID_ACTION);
        assertThat(rejection.getActionIndex()).isEqualTo(2);
        assertThat(rejection.getDesignationKey()).isEqualTo("US-OFAC/A");
        assertThat(rejection.getMessage()).contains("already stated by entry 0");
        assertThat(state("A").getTarget().getPosition()).isEqualTo("first");
    }

    @Test
    void anotherListOfTheSameAuthorityIsLeftAlone() {
        fold.apply(snapshotOf("CONSOLIDATED", "cons-1", T1, 0.25, entry("C1"), entry("C2")));
        fold.apply(snapshot("sdn-1", T1, entry("S1"), entry("S2")));

        List<Outcome> outcomes = fold.apply(snapshot("sdn-2", T2, entry("S1"), entry("S2"), entry("S3")));

        assertThat(changes(outcomes)).extracting(DesignationChange::getTargetId).containsExactly("S3");
        assertThat(state("C1").getStatus()).isEqualTo(DesignationStatus.ACTIVE);
        assertThat(state("C1").getList()).isEqualTo("CONSOLIDATED");
    }

    @Test
    void theSameSnapshotTwiceChangesNothingTheSecondTime() {
        Announcement first = snapshot("sdn-1", T1, entry("A"), entry("B"));
        fold.apply(first);

        List<Outcome> again = fold.apply(
                Announcement.newBuilder(first).setAnnouncementId("sdn-1-again").build());
        List<Outcome> sameId = fold.apply(first);

        assertThat(again).containsExactly(new Outcome.Unchanged(), new Outcome.Unchanged());
        assertThat(rejections(sameId))
                .extracting(RejectedAction::getReason)
                .containsExactly(RejectionReason.DUPLICATE_ANNOUNCEMENT);
    }

    @Test
    void ordinaryAnnouncementsSetTheListAndKeepItWhenTheyGiveNone() {
        fold.apply(announcement("a1")
                .authority("US-OFAC")
                .jurisdiction("US")
                .list("SDN")
                .actions(entry("A"))
                .build());
        fold.apply(announcement("a2")
                .authority("US-OFAC")
                .jurisdiction("US")
                .publishedAt(T2)
                .actions(entry("A").measures(TRAVEL_BAN))
                .build());

        assertThat(state("A").getList()).isEqualTo("SDN");
        assertThat(state("A").getVersion()).isEqualTo(2);

        // an ordinary action that gives only another list changes nothing
        assertThat(fold.apply(announcement("a3")
                        .authority("US-OFAC")
                        .jurisdiction("US")
                        .list("CONSOLIDATED")
                        .actions(entry("A"))
                        .build()))
                .containsExactly(new Outcome.Unchanged());
        // and a snapshot of SDN that no longer names A delists it: A is on SDN
        List<Outcome> outcomes = fold.apply(snapshotOf("SDN", "sdn-1", T3, 1.0, entry("B")));
        assertThat(changes(outcomes))
                .extracting(DesignationChange::getTargetId, DesignationChange::getChangeType)
                .containsExactly(tuple("B", ChangeType.DESIGNATED), tuple("A", ChangeType.DELISTED));
    }

    @Test
    void aDesignationMovedToAnotherListBySnapshotLeavesTheFirstListsIndex() {
        fold.apply(snapshotOf("CONSOLIDATED", "cons-1", T1, 1.0, entry("A"), entry("B")));
        List<Outcome> moved = fold.apply(snapshot("sdn-1", T1, entry("A")));
        assertThat(changes(moved).get(0).getChangedFields()).containsExactly("list");

        List<Outcome> outcomes = fold.apply(snapshotOf("CONSOLIDATED", "cons-2", T2, 1.0, entry("B")));

        assertThat(outcomes).containsExactly(new Outcome.Unchanged());
        assertThat(state("A").getStatus()).isEqualTo(DesignationStatus.ACTIVE);
    }

    @Test
    void partsApplyOnlyWhenTheLastIsInAndGiveWhatTheWholeGives() {
        Announcement whole = snapshot("sdn-1", T1, entry("A"), entry("B"), entry("C"), entry("D"), entry("E"));
        List<Announcement> parts = SnapshotParts.split(whole, 2);
        LogFold byParts = new LogFold();

        assertThat(byParts.applyWithReceipts(parts.get(0)).receipts()).isEmpty();
        assertThat(byParts.apply(parts.get(1))).isEmpty();
        assertThat(byParts.states()).isEmpty();
        LogFold.Applied last = byParts.applyWithReceipts(parts.get(2));

        assertThat(last.outcomes()).isEqualTo(fold.apply(whole));
        assertThat(last.receipts()).hasSize(1);
        assertThat(last.receipts().get(0).getActions()).isEqualTo(5);
        assertThat(byParts.states()).isEqualTo(fold.states());
    }

    @Test
    void anIncompleteSnapshotIsRefusedWhenAnotherAnnouncementOfItsAuthorityComes() {
        List<Announcement> parts = SnapshotParts.split(snapshot("sdn-1", T1, entry("A"), entry("B"), entry("C")), 2);
        fold.apply(parts.get(0));

        LogFold.Applied applied = fold.applyWithReceipts(snapshot("sdn-2", T2, entry("X")));

        assertThat(applied.receipts())
                .extracting(AnnouncementReceipt::getAnnouncementId, AnnouncementReceipt::getRejected)
                .containsExactly(tuple("sdn-1", 1), tuple("sdn-2", 0));
        assertThat(rejections(applied.outcomes()).get(0).getMessage()).contains("only parts 0 to 0 of 2 arrived");
        assertThat(fold.states()).containsOnlyKeys("US-OFAC/X");
        // the late part is a stray: refused on its own, and sdn-1 stays unused
        assertThat(rejections(fold.apply(parts.get(1))).get(0).getMessage()).contains("without the parts before it");
        assertThat(fold.apply(snapshot("sdn-1", T3, entry("X")))).containsExactly(new Outcome.Unchanged());
    }

    @Test
    void anotherAuthorityMayPublishBetweenTheParts() {
        List<Announcement> parts = SnapshotParts.split(snapshot("sdn-1", T1, entry("A"), entry("B")), 1);
        fold.apply(parts.get(0));
        fold.apply(announcement("jp-1").actions(designatePerson("P", "Petrov")).build());

        assertThat(changes(fold.apply(parts.get(1)))).hasSize(2);
    }

    @Test
    void aDelistedEntryIsNotInTheListAnyMore() {
        fold.apply(snapshot("sdn-1", T1, entry("A"), entry("B"), entry("C"), entry("D")));
        fold.apply(announcement("a1")
                .authority("US-OFAC")
                .jurisdiction("US")
                .publishedAt(T2)
                .actions(delist("A"))
                .build());

        // A is DELISTED: not counted among the 3 ACTIVE, not delisted again
        List<Outcome> outcomes = fold.apply(snapshot("sdn-2", T3, entry("B"), entry("C"), entry("D")));

        assertThat(outcomes).containsExactly(new Outcome.Unchanged(), new Outcome.Unchanged(), new Outcome.Unchanged());
        assertThat(state("A").getMeasures()).isEmpty();
    }

    @Test
    void birthPlacesAndListedOnAreKeptUnionedAndReplacedLikeTheOtherTargetFields() {
        fold.apply(announcement("a1")
                .authority("US-OFAC")
                .jurisdiction("US")
                .actions(entry("A").birthPlaces("Grozny").listedOn("2022-04-08"))
                .build());
        fold.apply(announcement("a2")
                .authority("US-OFAC")
                .jurisdiction("US")
                .actions(entry("A").birthPlaces("Moscow").listedOn("2022-04-09"))
                .build());
        assertThat(state("A").getTarget().getBirthPlaces()).containsExactly("Grozny", "Moscow");
        assertThat(state("A").getTarget().getListedOn()).isEqualTo("2022-04-09");

        fold.apply(announcement("a3")
                .authority("US-OFAC")
                .jurisdiction("US")
                .actions(TestData.amend("A").birthPlaces("Kazan"))
                .build());

        assertThat(state("A").getTarget().getBirthPlaces()).containsExactly("Kazan");
        List<Outcome> outcomes = fold.apply(snapshot("sdn-1", T2, entry("A")));
        assertThat(changes(outcomes).get(0).getChangedFields())
                .containsExactly("list", "target.birthPlaces", "target.listedOn");
    }

    @Test
    void birthPlacesAndListedOnAreHeldToTheRulesAndLimits() {
        String[] places = new String[SizeLimits.MAX_ENTRIES + 1];
        java.util.Arrays.fill(places, "Grozny");
        places[0] = " ";

        List<Outcome> outcomes = fold.apply(announcement("a1")
                .authority("US-OFAC")
                .jurisdiction("US")
                .actions(
                        entry("A").birthPlaces(places),
                        entry("B").birthPlaces(" ").listedOn("2022-13"))
                .build());

        assertThat(rejections(outcomes))
                .extracting(RejectedAction::getMessage)
                .containsExactly(
                        "invalid action, not applied: actions[0].target.birthPlaces[0]: must not be blank;"
                                + " actions[0].target.birthPlaces: at most 1,000 entries, got 1,001",
                        "invalid action, not applied: actions[1].target.birthPlaces[0]: must not be blank;"
                                + " actions[1].target.listedOn: must be a date (2022-04-08), got '2022-13'");
    }
}
