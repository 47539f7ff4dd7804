package dev.sanctions.processor.topology;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.T2;
import static dev.sanctions.processor.topology.TestAnnouncements.T3;
import static dev.sanctions.processor.topology.TestAnnouncements.T4;
import static dev.sanctions.processor.topology.TestAnnouncements.amendPosition;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.delist;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static dev.sanctions.processor.topology.TestAnnouncements.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SanctionsTopologyTest {

    @RegisterExtension
    static final TestRegistry REGISTRY = new TestRegistry();

    @TempDir
    Path stateDir;

    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(REGISTRY.url(), stateDir);
    }

    @AfterEach
    void closeDriver() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void designationNotifiesOnBothChangeTopicsAndKeepsStateAndHistory() {
        harness.publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));

        List<TestRecord<String, DesignationChange>> changes = harness.changes();
        assertThat(changes).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(key("RU-P-1"));
            DesignationChange change = record.value();
            assertThat(change.getChangeId()).isEqualTo("a1#0");
            assertThat(change.getChangeType()).isEqualTo(ChangeType.DESIGNATED);
            assertThat(change.getVersion()).isEqualTo(1L);
            assertThat(change.getBefore()).isNull();
            assertThat(change.getAfter().getStatus()).isEqualTo(DesignationStatus.ACTIVE);
        });
        assertThat(harness.changes("JP"))
                .extracting(TestRecord::value)
                .containsExactly(changes.get(0).value());
        DesignationState after = changes.get(0).value().getAfter();
        assertThat(harness.designations())
                .extracting(TestRecord::key, TestRecord::value)
                .containsExactly(tuple(key("RU-P-1"), after));
        assertThat(harness.currentStore().get(key("RU-P-1"))).isEqualTo(after);
        assertThat(harness.history(key("RU-P-1"))).containsExactly(after);
        assertThat(harness.rejected()).isEmpty();
    }

    @Test
    void amendmentNotifiesVersionTwoWithTheChangedFields() {
        harness.publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
        harness.publish(announcement("a2", T2, amendPosition("RU-P-1", "Governor")));

        List<DesignationChange> changes = values(harness.changes());
        assertThat(changes)
                .extracting(DesignationChange::getChangeType, DesignationChange::getVersion)
                .containsExactly(tuple(ChangeType.DESIGNATED, 1L), tuple(ChangeType.AMENDED, 2L));
        DesignationChange amended = changes.get(1);
        assertThat(amended.getChangedFields()).containsExactly("target.position");
        assertThat(amended.getBefore()).isEqualTo(changes.get(0).getAfter());
        assertThat(amended.getAfter().getTarget().getPosition()).isEqualTo("Governor");
        assertThat(harness.history(key("RU-P-1")))
                .extracting(DesignationState::getVersion)
                .containsExactly(1L, 2L);
    }

    @Test
    void delistingAndRelistingNotifyWithoutGaps() {
        harness.publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
        harness.publish(announcement("a2", T2, delist("RU-P-1")));
        harness.publish(announcement("a3", T3, designate("RU-P-1", "Ivan", MeasureType.TRAVEL_BAN)));

        List<DesignationChange> changes = values(harness.changes());
        assertThat(changes)
                .extracting(DesignationChange::getChangeType)
                .containsExactly(ChangeType.DESIGNATED, ChangeType.DELISTED, ChangeType.DESIGNATED);
        assertThat(changes).extracting(DesignationChange::getVersion).containsExactly(1L, 2L, 3L);
        DesignationState delisted = changes.get(1).getAfter();
        assertThat(delisted.getStatus()).isEqualTo(DesignationStatus.DELISTED);
        assertThat(delisted.getMeasures()).isEmpty();
        DesignationChange relisting = changes.get(2);
        assertThat(relisting.getBefore()).isEqualTo(delisted);
        assertThat(relisting.getAfter().getFirstDesignatedAt()).isEqualTo(T1);
        assertThat(harness.designations())
                .extracting(TestRecord::value)
                .extracting(DesignationState::getStatus)
                .containsExactly(DesignationStatus.ACTIVE, DesignationStatus.DELISTED, DesignationStatus.ACTIVE);
        assertThat(harness.history(key("RU-P-1")))
                .extracting(DesignationState::getVersion)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void rejectionsReachTheRejectedTopicKeyedByAnnouncementId() {
        harness.publish(announcement(
                "a1",
                T1,
                amendPosition("NOBODY", "x"),
                delist("NOBODY"),
                designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE),
                delist("RU-P-1"),
                amendPosition("RU-P-1", "Governor"),
                delist("RU-P-1"),
                TestAnnouncements.action(
                        ActionType.DESIGNATE,
                        Target.newBuilder()
                                .setId("NO-NAME")
                                .setKind(TargetKind.PERSON)
                                .build(),
                        TestAnnouncements.measures(MeasureType.ASSET_FREEZE),
                        null),
                designate("BAD/ID", "Slash", MeasureType.ASSET_FREEZE)));
        harness.publish(TestAnnouncements.announcement(
                "JP-MOFA", "not-a-jurisdiction", "a2", T2, designate("RU-P-2", "Olga", MeasureType.ASSET_FREEZE)));

        List<TestRecord<String, RejectedAction>> rejected = harness.rejected();
        assertThat(rejected).extracting(TestRecord::key).containsExactly("a1", "a1", "a1", "a1", "a1", "a1", "a2");
        assertThat(rejected)
                .extracting(TestRecord::value)
                .extracting(RejectedAction::getActionIndex, RejectedAction::getReason)
                .containsExactly(
                        tuple(0, RejectionReason.UNKNOWN_DESIGNATION),
                        tuple(1, RejectionReason.UNKNOWN_DESIGNATION),
                        tuple(4, RejectionReason.NOT_ACTIVE),
                        tuple(5, RejectionReason.ALREADY_DELISTED),
                        tuple(6, RejectionReason.INVALID_ACTION),
                        tuple(7, RejectionReason.INVALID_ACTION),
                        tuple(null, RejectionReason.INVALID_ACTION));
        assertThat(values(harness.changes()))
                .extracting(DesignationChange::getChangeId)
                .containsExactly("a1#2", "a1#3");
    }

    @Test
    void aDuplicateAnnouncementIsRejectedWholeAndChangesNothing() {
        Announcement first = announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE));
        harness.publish(first);
        harness.publish(announcement("a1", T2, designate("RU-P-1", "Ivan", MeasureType.TRAVEL_BAN)));

        assertThat(harness.changes()).hasSize(1);
        assertThat(harness.rejected()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("a1");
            assertThat(record.value().getReason()).isEqualTo(RejectionReason.DUPLICATE_ANNOUNCEMENT);
            assertThat(record.value().getActionIndex()).isNull();
        });
        assertThat(harness.currentStore().get(key("RU-P-1")).getMeasures())
                .extracting(m -> m.getType())
                .containsExactly(MeasureType.ASSET_FREEZE);
    }

    @Test
    void anInvalidAnnouncementDoesNotUseUpItsId() {
        harness.publish(TestAnnouncements.announcement(
                "JP-MOFA", "not-a-jurisdiction", "a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
        harness.publish(announcement("a1", T2, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));

        assertThat(harness.rejected())
                .extracting(r -> r.value().getReason())
                .containsExactly(RejectionReason.INVALID_ACTION);
        assertThat(values(harness.changes()))
                .extracting(DesignationChange::getChangeId)
                .containsExactly("a1#0");
    }

    @Test
    void anAnnouncementPublishedBefore1970IsRejectedAtTheEpochAndProcessingGoesOn() {
        // A foreign producer can write any publishedAt; a Kafka record timestamp cannot be negative.
        Instant before1970 = Instant.parse("1969-12-31T23:59:59Z");
        harness.publish(announcement("a0", before1970, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)), 0L);
        harness.publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));

        assertThat(harness.rejected()).singleElement().satisfies(record -> {
            assertThat(record.timestamp()).isZero();
            assertThat(record.value().getReason()).isEqualTo(RejectionReason.INVALID_ACTION);
            assertThat(record.value().getMessage()).contains("publishedAt");
        });
        assertThat(values(harness.changes()))
                .extracting(DesignationChange::getChangeId)
                .containsExactly("a1#0");
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndProcessingGoesOn() {
        byte[] key = "JP-MOFA".getBytes(StandardCharsets.UTF_8);
        byte[] notFramed = "not avro at all".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchemaId = {0x00, 0x00, 0x7f, 0x7f, 0x7f, 0x02, 0x04};
        harness.publishRaw(key, notFramed);
        harness.publishRaw(key, unknownSchemaId);
        harness.publishRaw(null, null);
        harness.publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));

        List<TestRecord<byte[], byte[]>> dead = harness.raw(TopologyHarness.TOPICS.dlq());
        assertThat(dead).hasSize(3);
        TestRecord<byte[], byte[]> first = dead.get(0);
        assertThat(first.key()).isEqualTo(key);
        assertThat(first.value()).isEqualTo(notFramed);
        assertThat(header(first.headers(), DeadLetterHeaders.ERROR)).contains("magic byte");
        assertThat(header(first.headers(), DeadLetterHeaders.SOURCE_TOPIC))
                .isEqualTo(TopologyHarness.TOPICS.announcements());
        assertThat(header(first.headers(), DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(first.headers(), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(dead.get(1).value()).isEqualTo(unknownSchemaId);
        assertThat(header(dead.get(1).headers(), DeadLetterHeaders.ERROR)).contains("schema id");
        assertThat(header(dead.get(1).headers(), DeadLetterHeaders.SOURCE_OFFSET))
                .isEqualTo("1");
        assertThat(dead.get(2).key()).isNull();
        assertThat(dead.get(2).value()).isNull();
        assertThat(header(dead.get(2).headers(), DeadLetterHeaders.SOURCE_OFFSET))
                .isEqualTo("2");
        assertThat(values(harness.changes()))
                .extracting(DesignationChange::getChangeId)
                .containsExactly("a1#0");
    }

    @Test
    void twoActionsOnOneKeyInOneAnnouncementApplyOneAfterTheOther() {
        harness.publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
        harness.publish(announcement("a2", T2, amendPosition("RU-P-1", "Governor"), delist("RU-P-1")));

        List<DesignationChange> changes = values(harness.changes());
        assertThat(changes)
                .extracting(DesignationChange::getChangeId, DesignationChange::getVersion)
                .containsExactly(tuple("a1#0", 1L), tuple("a2#0", 2L), tuple("a2#1", 3L));
        assertThat(changes.get(2).getBefore()).isEqualTo(changes.get(1).getAfter());
        assertThat(harness.history(key("RU-P-1")))
                .extracting(DesignationState::getVersion)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void everyOutputCarriesThePublishedAtOfItsAnnouncementAsTimestamp() {
        long producerClock = T4.toEpochMilli();
        harness.publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)), producerClock);
        harness.publish(announcement("a2", T2, amendPosition("NOBODY", "x")), producerClock);

        long t1 = T1.toEpochMilli();
        assertThat(harness.changes()).extracting(TestRecord::timestamp).containsExactly(t1);
        assertThat(harness.changes("JP")).extracting(TestRecord::timestamp).containsExactly(t1);
        assertThat(harness.designations()).extracting(TestRecord::timestamp).containsExactly(t1);
        assertThat(harness.rejected()).extracting(TestRecord::timestamp).containsExactly(T2.toEpochMilli());
    }

    @Test
    void oneSubTopologyWithoutRepartitionAndStoresWithStableNames() {
        TopologyDescription description = SanctionsTopology.build(
                        TopologyHarness.TOPICS,
                        1,
                        harness.serdes(),
                        ChangeTopicRouter.byName(TopologyHarness.TOPICS),
                        PipelineCounters.none())
                .describe();

        assertThat(description.subtopologies()).hasSize(1);
        assertThat(description.toString())
                .doesNotContain("repartition")
                .contains(DesignationStores.CURRENT, DesignationStores.HISTORY);
    }

    @Test
    void aTargetIdWithAControlCharacterIsRejectedAndLeavesTheDesignationItPrefixesAlone() {
        harness.publish(announcement("a1", T1, designate("N-1", "Ivan", MeasureType.ASSET_FREEZE)));
        harness.publish(announcement("a2", T2, designate("N-1\u0000x", "Impostor", MeasureType.ASSET_FREEZE)));

        assertThat(harness.rejected())
                .extracting(TestRecord::key, record -> record.value().getReason())
                .containsExactly(tuple("a2", RejectionReason.INVALID_ACTION));
        assertThat(harness.changes()).extracting(TestRecord::key).containsExactly(key("N-1"));
        assertThat(harness.history(key("N-1")))
                .extracting(state -> state.getTarget().getName())
                .containsExactly("Ivan");
    }

    @Test
    void theHistoryOfADesignationNeverHoldsTheVersionsOfAKeyItPrefixes() {
        harness.publish(announcement("a1", T1, designate("N-1", "Ivan", MeasureType.ASSET_FREEZE)));
        DesignationState genuine = harness.currentStore().get(key("N-1"));
        // Written before target ids were checked for control characters, and restored from the changelog since.
        DesignationState impostor = DesignationState.newBuilder(genuine)
                .setTarget(Target.newBuilder(genuine.getTarget())
                        .setName("Impostor")
                        .build())
                .setVersion(2)
                .build();
        harness.historyStore().put(DesignationStores.historyKey(key("N-1\u0000x"), 2), impostor);
        harness.historyStore().put(DesignationStores.historyKey(key("N-1\u0000" + "0000000000000000001"), 2), impostor);
        harness.historyStore().put(DesignationStores.historyKey(key("N-1\u0000"), 2), impostor);

        assertThat(harness.history(key("N-1"))).containsExactly(genuine);
    }

    @Test
    void aDesignationIsStoredInItsAuthoritysPartition() {
        assertThat(SanctionsTopology.storePartitionKey("JP-MOFA/RU-P-0425")).isEqualTo("JP-MOFA");
        assertThat(DesignationStores.historyKey("JP-MOFA/RU-P-0425", 42))
                .isEqualTo("JP-MOFA/RU-P-0425\u0000" + "0000000000000000042");
    }

    private static <V> List<V> values(List<TestRecord<String, V>> records) {
        return records.stream().map(TestRecord::value).toList();
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
