package dev.sanctions.processor.topology;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.T2;
import static dev.sanctions.processor.topology.TestAnnouncements.T3;
import static dev.sanctions.processor.topology.TestAnnouncements.amendPosition;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static dev.sanctions.processor.topology.TestAnnouncements.parts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.processor.FoldedLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full-list snapshots through the topology, applied two entries per step so that every snapshot of more than two
 * entries spans several punctuations (and transactions).
 */
class SnapshotTopologyTest {
    private static final String OFAC = "US-OFAC";
    private static final int STEP = 2;

    @RegisterExtension
    static final TestRegistry REGISTRY = new TestRegistry();

    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(REGISTRY.url(), stateDir, 1, STEP);
    }

    @AfterEach
    void closeDriver() {
        if (harness != null) {
            harness.close();
        }
    }

    static Announcement sdn(String id, Instant publishedAt, Action... entries) {
        return list("SDN", id, publishedAt, 0.25, entries);
    }

    static Announcement list(String list, String id, Instant publishedAt, double fraction, Action... entries) {
        return TestAnnouncements.snapshot(OFAC, "US", id, publishedAt, list, fraction, entries);
    }

    static Action entry(String id) {
        return designate(id, "Name of " + id, MeasureType.ASSET_FREEZE);
    }

    static Action entry(String id, String position, String... aliases) {
        return TestAnnouncements.action(
                ActionType.DESIGNATE,
                Target.newBuilder()
                        .setId(id)
                        .setKind(TargetKind.PERSON)
                        .setName("Name of " + id)
                        .setPosition(position)
                        .setAliases(List.of(aliases))
                        .build(),
                TestAnnouncements.measures(MeasureType.ASSET_FREEZE),
                null);
    }

    static String ofac(String targetId) {
        return OFAC + "/" + targetId;
    }

    /** Publishes, then lets the punctuator run until the snapshot job and the queue are done. */
    private void publishAndApply(Announcement... announcements) {
        for (Announcement a : announcements) {
            harness.publish(a);
        }
        harness.runSteps(200);
    }

    private DesignationState state(String targetId) {
        return harness.currentStore().get(ofac(targetId));
    }

    @Test
    void aSecondEditionReplacesEntriesAndDelistsTheUnnamedInCodePointOrderNumberedAfterTheEntries() {
        publishAndApply(list(
                "SDN",
                "sdn-1",
                T1,
                1.0,
                entry("K", "Minister", "Alpha", "Alef"),
                entry("\uD83D\uDE00"),
                entry("\uFF21"),
                entry("b"),
                entry("Z")));
        harness.changes();
        harness.receipts();

        publishAndApply(list("SDN", "sdn-2", T2, 1.0, entry("K", null, "Alpha"), entry("N")));

        assertThat(harness.changes())
                .extracting(
                        r -> r.value().getChangeId(),
                        r -> r.value().getTargetId(),
                        r -> r.value().getChangeType())
                .containsExactly(
                        tuple("sdn-2#0", "K", ChangeType.AMENDED),
                        tuple("sdn-2#1", "N", ChangeType.DESIGNATED),
                        tuple("sdn-2#2", "Z", ChangeType.DELISTED),
                        tuple("sdn-2#3", "b", ChangeType.DELISTED),
                        tuple("sdn-2#4", "\uFF21", ChangeType.DELISTED),
                        tuple("sdn-2#5", "\uD83D\uDE00", ChangeType.DELISTED));
        DesignationState k = state("K");
        assertThat(k.getTarget().getAliases()).containsExactly("Alpha");
        assertThat(k.getTarget().getPosition()).isNull();
        assertThat(k.getList()).isEqualTo("SDN");
        assertThat(harness.receipts()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("sdn-2");
            AnnouncementReceipt receipt = r.value();
            assertThat(receipt.getActions()).isEqualTo(2);
            assertThat(List.of(
                            receipt.getDesignated(),
                            receipt.getAmended(),
                            receipt.getDelisted(),
                            receipt.getUnchanged(),
                            receipt.getRejected()))
                    .containsExactly(1, 1, 4, 0, 0);
            assertThat(receipt.getList()).isEqualTo("SDN");
        });
        assertThat(harness.history(ofac("Z")))
                .extracting(DesignationState::getVersion, DesignationState::getStatus)
                .containsExactly(tuple(1L, DesignationStatus.ACTIVE), tuple(2L, DesignationStatus.DELISTED));
    }

    @Test
    void aSnapshotAppliesOnlyInStepsAsThePunctuatorRuns() {
        harness.publish(sdn("sdn-1", T1, entry("A"), entry("B"), entry("C"), entry("D"), entry("E")));

        // process() takes the first step (stale check and naming); entries wait for the punctuator
        assertThat(harness.changes()).isEmpty();
        harness.runSteps(200);

        assertThat(harness.changes()).hasSize(5);
        assertThat(all(harness.store(SnapshotStores.NAMED))).isEmpty();
        assertThat(all(harness.store(SnapshotStores.PARTS))).isEmpty();
        assertThat(all(harness.store(SnapshotStores.JOB))).isEmpty();
    }

    @Test
    void anOlderSnapshotIsRejectedAsStaleAndChangesNothing() {
        publishAndApply(sdn("sdn-2", T2, entry("A")));
        harness.changes();

        publishAndApply(sdn("sdn-1", T1, entry("B")));

        assertThat(harness.changes()).isEmpty();
        assertThat(harness.rejected())
                .extracting(r -> r.value().getReason(), r -> r.value().getActionIndex())
                .containsExactly(tuple(RejectionReason.STALE_SNAPSHOT, null));
        assertThat(receiptOf("sdn-1").getRejected()).isEqualTo(1);
        assertThat(state("B")).isNull();
    }

    @Test
    void aSnapshotDelistingTooMuchIsRefusedWithBothCounts() {
        publishAndApply(sdn("sdn-1", T1, entry("A"), entry("B"), entry("C"), entry("D"), entry("E")));
        harness.changes();

        publishAndApply(sdn("sdn-2", T2, entry("A"), entry("B"), entry("C")));

        assertThat(harness.changes()).isEmpty();
        assertThat(harness.rejected()).singleElement().satisfies(r -> {
            assertThat(r.value().getReason()).isEqualTo(RejectionReason.SNAPSHOT_GUARD);
            assertThat(r.value().getMessage()).contains("would delist 2 of the 5 ACTIVE designations");
        });
        assertThat(state("E").getStatus()).isEqualTo(DesignationStatus.ACTIVE);
    }

    @Test
    void aDelistedDesignationNamedAgainIsRelisted() {
        publishAndApply(list("SDN", "sdn-1", T1, 1.0, entry("A"), entry("B")));
        publishAndApply(list("SDN", "sdn-2", T2, 1.0, entry("A")));
        harness.changes();

        publishAndApply(list("SDN", "sdn-3", T3, 1.0, entry("A"), entry("B")));

        assertThat(harness.changes()).singleElement().satisfies(r -> {
            assertThat(r.value().getChangeType()).isEqualTo(ChangeType.DESIGNATED);
            assertThat(r.value().getVersion()).isEqualTo(3);
            assertThat(r.value().getBefore().getStatus()).isEqualTo(DesignationStatus.DELISTED);
        });
    }

    @Test
    void aSecondEntryOfOneTargetIsInvalidAndTheFirstApplies() {
        publishAndApply(sdn("sdn-1", T1, entry("A", "first"), entry("B"), entry("C"), entry("A", "second")));

        assertThat(harness.rejected()).singleElement().satisfies(r -> {
            assertThat(r.value().getReason()).isEqualTo(RejectionReason.INVALID_ACTION);
            assertThat(r.value().getActionIndex()).isEqualTo(3);
            assertThat(r.value().getMessage()).contains("already stated by entry 0");
        });
        assertThat(state("A").getTarget().getPosition()).isEqualTo("first");
        AnnouncementReceipt receipt = receiptOf("sdn-1");
        assertThat(receipt.getDesignated()).isEqualTo(3);
        assertThat(receipt.getRejected()).isEqualTo(1);
        assertThat(receipt.getRejections())
                .extracting(RejectedAction::getActionIndex)
                .containsExactly(3);
    }

    @Test
    void anotherListOfTheSameAuthorityIsLeftAlone() {
        publishAndApply(list("CONSOLIDATED", "cons-1", T1, 1.0, entry("C1"), entry("C2"), entry("C3")));
        publishAndApply(list("SDN", "sdn-1", T1, 1.0, entry("S1"), entry("S2")));
        harness.changes();

        publishAndApply(list("SDN", "sdn-2", T2, 1.0, entry("S3")));

        assertThat(harness.changes())
                .extracting(r -> r.value().getTargetId(), r -> r.value().getChangeType())
                .containsExactly(
                        tuple("S3", ChangeType.DESIGNATED),
                        tuple("S1", ChangeType.DELISTED),
                        tuple("S2", ChangeType.DELISTED));
        assertThat(state("C1").getStatus()).isEqualTo(DesignationStatus.ACTIVE);
        assertThat(state("C1").getList()).isEqualTo("CONSOLIDATED");
    }

    @Test
    void anAnnouncementOfTheAuthorityArrivingDuringASnapshotWaitsUntilItsLastChange() {
        harness.publish(sdn("sdn-1", T1, entry("A"), entry("B"), entry("C"), entry("D"), entry("E"), entry("F")));
        harness.publish(announcement(OFAC, "US", "amend-1", T2, amendPosition("A", "Governor")));
        harness.publish(announcement("jp-1", T2, designate("P", "Petrov", MeasureType.ASSET_FREEZE)));

        assertThat(harness.store(SnapshotStores.QUEUE).approximateNumEntries()).isPositive();
        harness.runSteps(200);

        List<TestRecord<String, DesignationChange>> changes = harness.changes();
        assertThat(changes)
                .extracting(r -> r.value().getChangeId())
                .containsExactly(
                        "sdn-1#0", "sdn-1#1", "sdn-1#2", "sdn-1#3", "sdn-1#4", "sdn-1#5", "amend-1#0", "jp-1#0");
        assertThat(state("A").getVersion()).isEqualTo(2);
        assertThat(harness.receipts()).extracting(TestRecord::key).containsExactly("sdn-1", "amend-1", "jp-1");
        assertThat(all(harness.store(SnapshotStores.QUEUE))).isEmpty();
    }

    @Test
    void partsAreBufferedInAStoreUntilTheLastArrives() {
        List<Announcement> parts =
                parts(sdn("sdn-1", T1, entry("A"), entry("B"), entry("C"), entry("D"), entry("E")), 2);
        harness.publish(parts.get(0));
        harness.publish(parts.get(1));
        // another authority between two parts is applied at once
        harness.publish(announcement("jp-1", T1, designate("P", "Petrov", MeasureType.ASSET_FREEZE)));
        harness.runSteps(10);

        assertThat(harness.changes()).extracting(r -> r.value().getChangeId()).containsExactly("jp-1#0");
        assertThat(all(harness.store(SnapshotStores.PARTS))).hasSize(2);
        assertThat(harness.receipts()).extracting(TestRecord::key).containsExactly("jp-1");

        publishAndApply(parts.get(2));

        assertThat(harness.changes())
                .extracting(r -> r.value().getChangeId())
                .containsExactly("sdn-1#0", "sdn-1#1", "sdn-1#2", "sdn-1#3", "sdn-1#4");
        assertThat(harness.receipts())
                .singleElement()
                .satisfies(r -> assertThat(r.value().getActions()).isEqualTo(5));
        assertThat(all(harness.store(SnapshotStores.PARTS))).isEmpty();
        assertThat(all(harness.store(SnapshotStores.PENDING))).isEmpty();
    }

    @Test
    void anIncompleteSnapshotIsRefusedOnceWhenTheAuthorityPublishesSomethingElse() {
        List<Announcement> parts = parts(sdn("sdn-1", T1, entry("A"), entry("B"), entry("C")), 2);
        harness.publish(parts.get(0));

        publishAndApply(sdn("sdn-2", T2, entry("X")));

        assertThat(harness.receipts())
                .extracting(TestRecord::key, r -> r.value().getRejected())
                .containsExactly(tuple("sdn-1", 1), tuple("sdn-2", 0));
        assertThat(harness.changes()).extracting(r -> r.value().getTargetId()).containsExactly("X");
        assertThat(all(harness.store(SnapshotStores.PARTS))).isEmpty();
    }

    @Test
    void theSameSnapshotTwiceChangesNothingTheSecondTime() {
        Announcement first = sdn("sdn-1", T1, entry("A"), entry("B"), entry("C"));
        publishAndApply(first);
        harness.changes();
        harness.receipts();

        publishAndApply(
                first,
                Announcement.newBuilder(first).setAnnouncementId("sdn-1-again").build());

        assertThat(harness.changes()).isEmpty();
        assertThat(harness.rejected())
                .extracting(r -> r.value().getReason())
                .containsExactly(RejectionReason.DUPLICATE_ANNOUNCEMENT);
        assertThat(harness.receipts())
                .extracting(
                        TestRecord::key,
                        r -> r.value().getRejected(),
                        r -> r.value().getUnchanged())
                .containsExactly(tuple("sdn-1", 1, 0), tuple("sdn-1-again", 0, 3));
    }

    @Test
    void theTopologyGivesWhatTheFoldOfTheLogGives() {
        List<Announcement> log = new ArrayList<>();
        log.add(announcement(OFAC, "US", "o-1", T1, entry("A"), entry("Q")));
        log.addAll(parts(list("SDN", "sdn-1", T1, 1.0, entry("A"), entry("B"), entry("C"), entry("B")), 3));
        log.add(announcement(OFAC, "US", "o-2", T2, amendPosition("B", "Governor")));
        log.addAll(parts(list("SDN", "sdn-2", T2, 1.0, entry("C"), entry("D")), 1));
        log.add(list("CONSOLIDATED", "cons-1", T2, 1.0, entry("Q"), entry("A")));
        log.add(list("SDN", "sdn-0", T1, 1.0, entry("E")));
        FoldedLog.Folding folding = new FoldedLog.Folding();
        log.forEach(folding::apply);
        FoldedLog expected = folding.folded();
        List<DesignationChange> expectedChanges = expected.changes();
        List<RejectedAction> expectedRejections = expected.rejections();
        List<AnnouncementReceipt> expectedReceipts = folding.receipts();

        log.forEach(harness::publish);
        harness.runSteps(300);

        assertThat(harness.changes()).extracting(TestRecord::value).isEqualTo(expectedChanges);
        assertThat(harness.rejected()).extracting(TestRecord::value).isEqualTo(expectedRejections);
        assertThat(harness.receipts()).extracting(TestRecord::value).isEqualTo(expectedReceipts);
        assertThat(all(harness.store(DesignationStores.CURRENT)))
                .containsExactlyElementsOf(expected.states().entrySet().stream()
                        .map(e -> KeyValue.pair(e.getKey(), (Object) e.getValue()))
                        .toList());
        assertThat(expectedRejections).extracting(RejectedAction::getReason).contains(RejectionReason.STALE_SNAPSHOT);
    }

    @Test
    void aPunctuationGoesOnTakingStepsForItsStepTimeButNoMoreThanItsRounds() {
        harness.close();
        // One entry or key per step; a minute per punctuation, so only the bound on rounds stops one.
        harness = new TopologyHarness(REGISTRY.url(), stateDir, 1, 1, Duration.ofMinutes(1));
        Action[] few = {entry("A"), entry("B"), entry("C"), entry("D"), entry("E")};
        Action[] many = new Action[AnnouncementProcessor.MAX_ROUNDS];
        for (int i = 0; i < many.length; i++) {
            many[i] = entry(String.format("M%03d", i));
        }

        // Checking and naming 5, counting, 5 entries, delisting (5 keys looked at, then none): 17 steps, all taken
        // as the snapshot is read.
        harness.publish(sdn("sdn-1", T1, few));
        assertThat(harness.changes()).hasSize(5);
        assertThat(receiptOf("sdn-1").getDesignated()).isEqualTo(5);

        // 25 entries take more than 75 steps: one punctuation's rounds are not enough, a few more are.
        harness.publish(list("OTHER", "other-1", T1, 0.25, many));
        harness.runSteps(1);
        int first = harness.changes().size();
        assertThat(first).isLessThan(many.length);
        harness.runSteps(10);
        assertThat(first + harness.changes().size()).isEqualTo(many.length);
        assertThat(receiptOf("other-1").getDesignated()).isEqualTo(many.length);
    }

    /** The one receipt of the announcement among those not read yet (reading consumes them). */
    private AnnouncementReceipt receiptOf(String announcementId) {
        return harness.receipts().stream()
                .filter(r -> r.key().equals(announcementId))
                .map(TestRecord::value)
                .reduce((a, b) -> {
                    throw new AssertionError("two receipts of " + announcementId);
                })
                .orElseThrow();
    }

    private static <V> List<KeyValue<String, Object>> all(KeyValueStore<String, V> store) {
        List<KeyValue<String, Object>> entries = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> entries.add(KeyValue.pair(kv.key, kv.value)));
        }
        return entries;
    }
}
