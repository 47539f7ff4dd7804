package dev.sanctions.processor.topology;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.T2;
import static dev.sanctions.processor.topology.TestAnnouncements.amendPosition;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.delist;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.AnnouncementReceipt;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One receipt per announcement read, refused ones included; none for an unreadable record. */
class ReceiptTopologyTest {

    @RegisterExtension
    static final TestRegistry REGISTRY = new TestRegistry();

    @TempDir
    Path stateDir;

    private static List<Integer> counts(AnnouncementReceipt r) {
        return List.of(
                r.getActions(), r.getDesignated(), r.getAmended(), r.getDelisted(), r.getUnchanged(), r.getRejected());
    }

    @Test
    void aReceiptCountsEveryActionByOutcomeAndCarriesTheRejections() {
        RecordingCounters counters = new RecordingCounters();
        try (TopologyHarness harness = new TopologyHarness(
                REGISTRY.url(), stateDir, ChangeTopicRouter.byName(TopologyHarness.TOPICS), counters)) {
            harness.publish(announcement(
                    "a1",
                    T1,
                    designate("P1", "Ivan", MeasureType.ASSET_FREEZE),
                    designate("P2", "Olga", MeasureType.ASSET_FREEZE),
                    designate("P1", "Ivan", MeasureType.ASSET_FREEZE)));
            harness.publish(announcement(
                    "a2",
                    T2,
                    amendPosition("P1", "Governor"),
                    delist("P2"),
                    delist("P3"),
                    designate("P4", "", MeasureType.ASSET_FREEZE)));

            List<TestRecord<String, AnnouncementReceipt>> receipts = harness.receipts();

            assertThat(receipts).extracting(TestRecord::key).containsExactly("a1", "a2");
            assertThat(counts(receipts.get(0).value())).containsExactly(3, 2, 0, 0, 1, 0);
            AnnouncementReceipt second = receipts.get(1).value();
            assertThat(counts(second)).containsExactly(4, 0, 1, 1, 0, 2);
            assertThat(second.getRejections())
                    .extracting(RejectedAction::getActionIndex, RejectedAction::getReason)
                    .containsExactly(
                            tuple(2, RejectionReason.UNKNOWN_DESIGNATION), tuple(3, RejectionReason.INVALID_ACTION));
            assertThat(receipts.get(1).timestamp()).isEqualTo(T2.toEpochMilli());
            assertThat(counters.receipts).containsExactly(receipts.get(0).value(), second);
        }
    }

    @Test
    void aRefusedAnnouncementGetsOneReceiptAndAnUnreadableRecordNone() {
        try (TopologyHarness harness = new TopologyHarness(REGISTRY.url(), stateDir)) {
            Announcement first = announcement("a1", T1, designate("P1", "Ivan", MeasureType.ASSET_FREEZE));
            harness.publish(first);
            harness.publish(first);
            harness.publish(Announcement.newBuilder(first)
                    .setAnnouncementId("a2")
                    .setTitle(" ")
                    .build());
            harness.publish(
                    Announcement.newBuilder(first).setAnnouncementId("a3").build(), "US-OFAC");
            harness.publishRaw("JP-MOFA".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});

            assertThat(harness.receipts())
                    .extracting(
                            TestRecord::key,
                            r -> r.value().getRejected(),
                            r -> r.value().getRejections().isEmpty()
                                    ? null
                                    : r.value().getRejections().get(0).getReason())
                    .containsExactly(
                            tuple("a1", 0, null),
                            tuple("a1", 1, RejectionReason.DUPLICATE_ANNOUNCEMENT),
                            tuple("a2", 1, RejectionReason.INVALID_ACTION),
                            tuple("a3", 1, RejectionReason.MISROUTED));
        }
    }
}
