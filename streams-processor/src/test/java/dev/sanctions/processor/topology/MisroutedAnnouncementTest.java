package dev.sanctions.processor.topology;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.T2;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static dev.sanctions.processor.topology.TestAnnouncements.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.kafka.AnnouncementPlacement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Announcements whose record is not where the processor keeps their authority's ids and designations: under
 * another key, without a key, or in another partition than Kafka's default partitioner gives the key. Each is
 * rejected as MISROUTED, nothing of it is applied, and its id stays free for the record published correctly.
 */
class MisroutedAnnouncementTest {

    @RegisterExtension
    static final TestRegistry REGISTRY = new TestRegistry();

    @TempDir
    Path stateDir;

    @Test
    void anAnnouncementUnderAnotherKeyIsRejectedAndItsIdStaysFree() {
        try (TopologyHarness harness = new TopologyHarness(REGISTRY.url(), stateDir)) {
            harness.publish(announcement("a1", T1, designate("N-1", "Impostor", MeasureType.ASSET_FREEZE)), "US-OFAC");
            harness.publish(announcement("a1", T2, designate("N-1", "Ivan", MeasureType.ASSET_FREEZE)));

            assertThat(harness.rejected())
                    .extracting(TestRecord::key, record -> record.value().getReason(), this::message)
                    .containsExactly(tuple(
                            "a1",
                            RejectionReason.MISROUTED,
                            "the record's key is 'US-OFAC', not its authority JP-MOFA; nothing applied, and"
                                    + " announcementId a1 stays unused. Publish it again with the authority as key"
                                    + " and Kafka's default (murmur2) partitioner"));
            assertThat(harness.changes()).singleElement().satisfies(change -> designatedV1(change, "Ivan"));
        }
    }

    @Test
    void anAnnouncementWithoutAKeyIsRejectedAndAValidOneAfterItIsApplied() {
        try (TopologyHarness harness = new TopologyHarness(REGISTRY.url(), stateDir)) {
            harness.publish(announcement("a1", T1, designate("N-1", "Impostor", MeasureType.ASSET_FREEZE)), null);
            harness.publish(announcement("a2", T2, designate("N-1", "Ivan", MeasureType.ASSET_FREEZE)));

            assertThat(harness.rejected())
                    .extracting(TestRecord::key, record -> record.value().getReason(), this::message)
                    .singleElement()
                    .satisfies(rejection -> assertThat(rejection.toList())
                            .startsWith("a1", RejectionReason.MISROUTED)
                            .last()
                            .asString()
                            .startsWith("the record has no key; its key must be its authority JP-MOFA;"));
            assertThat(harness.changes()).singleElement().satisfies(change -> designatedV1(change, "Ivan"));
        }
    }

    @Test
    void aReusedIdUnderAnotherKeyIsNeitherAcceptedNorCountedAsUsed() {
        try (TopologyHarness harness = new TopologyHarness(REGISTRY.url(), stateDir)) {
            harness.publish(announcement("a1", T1, designate("N-1", "Ivan", MeasureType.ASSET_FREEZE)));
            harness.publish(announcement("a1", T2, designate("N-2", "Impostor", MeasureType.ASSET_FREEZE)), "jp-mofa");

            assertThat(harness.rejected())
                    .extracting(TestRecord::key, record -> record.value().getReason())
                    .containsExactly(tuple("a1", RejectionReason.MISROUTED));
            assertThat(harness.changes()).singleElement().satisfies(change -> designatedV1(change, "Ivan"));
        }
    }

    @Test
    void anAnnouncementInAnotherPartitionThanItsKeysIsRejectedAndOneInItsOwnIsApplied() {
        AnnouncementPlacement twoPartitions = new AnnouncementPlacement(2);
        // The test driver reads every record from partition 0.
        assertThat(twoPartitions.partitionOf(bytes("JP-MOFA"))).isEqualTo(1);
        assertThat(twoPartitions.partitionOf(bytes("EU-COUNCIL"))).isZero();
        try (TopologyHarness harness = new TopologyHarness(REGISTRY.url(), stateDir, 2)) {
            harness.publish(announcement("a1", T1, designate("N-1", "Ivan", MeasureType.ASSET_FREEZE)));
            harness.publish(
                    announcement("EU-COUNCIL", "EU", "e1", T2, designate("N-1", "Ivan", MeasureType.ASSET_FREEZE)));

            assertThat(harness.rejected())
                    .extracting(TestRecord::key, record -> record.value().getReason(), this::message)
                    .singleElement()
                    .satisfies(rejection -> assertThat(rejection.toList())
                            .startsWith("a1", RejectionReason.MISROUTED)
                            .last()
                            .asString()
                            .startsWith("the record is in partition 0, but Kafka's default partitioner puts key"
                                    + " JP-MOFA in partition 1 of 2;"));
            assertThat(harness.changes())
                    .extracting(TestRecord::key, record -> record.value().getChangeType())
                    .containsExactly(tuple("EU-COUNCIL/N-1", ChangeType.DESIGNATED));
        }
    }

    private String message(TestRecord<String, RejectedAction> record) {
        return record.value().getMessage();
    }

    private static void designatedV1(TestRecord<String, DesignationChange> change, String name) {
        assertThat(change.key()).isEqualTo(key("N-1"));
        assertThat(change.value().getChangeType()).isEqualTo(ChangeType.DESIGNATED);
        assertThat(change.value().getVersion()).isEqualTo(1L);
        assertThat(change.value().getAfter().getTarget().getName()).isEqualTo(name);
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
