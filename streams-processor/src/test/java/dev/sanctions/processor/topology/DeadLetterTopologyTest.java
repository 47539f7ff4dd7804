package dev.sanctions.processor.topology;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.T2;
import static dev.sanctions.processor.topology.TestAnnouncements.amendPosition;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.RejectionReason;
import dev.sanctions.registry.client.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What becomes a dead letter (the bytes), what fails the task (anything else), and what is counted. */
class DeadLetterTopologyTest {

    private static final byte[] KEY = "JP-MOFA".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final TestRegistry REGISTRY = new TestRegistry();

    @TempDir
    Path stateDir;

    private final RecordingCounters counters = new RecordingCounters();
    private TopologyHarness harness;

    @AfterEach
    void closeDriver() {
        if (harness != null) {
            harness.close();
        }
    }

    @ParameterizedTest
    @EnumSource(PoisonRecord.class)
    void aPoisonRecordIsADeadLetterWithItsReasonAndTheAnnouncementAfterItIsApplied(PoisonRecord poison) {
        harness = new TopologyHarness(
                REGISTRY.url(), stateDir, ChangeTopicRouter.byName(TopologyHarness.TOPICS), counters);
        byte[] value =
                poison.value(harness.serdes().announcement().serializer(), TopologyHarness.TOPICS.announcements());

        harness.publishRaw(KEY, value);
        harness.publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));

        assertThat(harness.raw(TopologyHarness.TOPICS.dlq())).singleElement().satisfies(dead -> {
            assertThat(dead.key()).isEqualTo(KEY);
            assertThat(dead.value()).isEqualTo(value);
            assertThat(header(dead, DeadLetterHeaders.REASON))
                    .isEqualTo(poison.reason().label());
            assertThat(header(dead, DeadLetterHeaders.ERROR)).isNotBlank();
            assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(TopologyHarness.TOPICS.announcements());
            assertThat(header(dead, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        });
        assertThat(harness.changes())
                .extracting(TestRecord::value)
                .extracting(DesignationChange::getChangeId)
                .containsExactly("a1#0");
        assertThat(counters.deadLetters).containsExactly(poison.reason());
    }

    @Test
    void aRecordOfAnotherSchemaIsADeadLetterNotAnAnnouncement() {
        harness = new TopologyHarness(
                REGISTRY.url(), stateDir, ChangeTopicRouter.byName(TopologyHarness.TOPICS), counters);
        harness.publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
        byte[] change = harness.raw(TopologyHarness.TOPICS.changes()).get(0).value();

        harness.publishRaw(KEY, change);

        assertThat(harness.raw(TopologyHarness.TOPICS.dlq())).singleElement().satisfies(dead -> {
            assertThat(dead.value()).isEqualTo(change);
            assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterReason.NOT_AN_ANNOUNCEMENT.label());
        });
        assertThat(counters.deadLetters).containsExactly(DeadLetterReason.NOT_AN_ANNOUNCEMENT);
    }

    @Test
    void rejectionsAreCountedByReason() {
        harness = new TopologyHarness(
                REGISTRY.url(), stateDir, ChangeTopicRouter.byName(TopologyHarness.TOPICS), counters);
        harness.publish(announcement("a1", T1, amendPosition("NOBODY", "x")));
        harness.publish(announcement("a1", T2, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));

        assertThat(counters.rejections)
                .containsExactly(RejectionReason.UNKNOWN_DESIGNATION, RejectionReason.DUPLICATE_ANNOUNCEMENT);
        assertThat(counters.deadLetters).isEmpty();
    }

    @Test
    void aFailureAfterDecodingFailsTheTaskAndIsNotADeadLetter() {
        ChangeTopicRouter refusesFrance = jurisdiction -> {
            if (jurisdiction.equals("FR")) {
                throw new SchemaRegistryException(409, 409, "incompatible schema for the change topic of FR");
            }
            return TopologyHarness.TOPICS.changes(jurisdiction);
        };
        harness = new TopologyHarness(REGISTRY.url(), stateDir, refusesFrance, counters);

        assertThatThrownBy(() -> harness.publish(TestAnnouncements.announcement(
                        "FR-MAE",
                        "FR",
                        "f1",
                        T1,
                        designate("FR-P-1", "Jean", MeasureType.ASSET_FREEZE),
                        designate("FR-P-2", "Marie", MeasureType.ASSET_FREEZE))))
                .hasRootCauseInstanceOf(SchemaRegistryException.class);

        assertThat(harness.raw(TopologyHarness.TOPICS.dlq())).isEmpty();
        assertThat(counters.deadLetters).isEmpty();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
