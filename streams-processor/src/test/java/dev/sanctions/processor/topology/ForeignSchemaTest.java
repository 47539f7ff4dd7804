package dev.sanctions.processor.topology;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.registry.serde.DecodeFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record of another schema under a valid registry id, on the announcements topic: the processor dead-letters it,
 * which is what {@code replay} counts and skips ({@link DecodeFailure#RECORD}); both must agree.
 */
class ForeignSchemaTest {

    @TempDir
    Path stateDir;

    @Test
    void aDesignationStateOnTheAnnouncementsTopicIsADeadLetterAndProcessingGoesOn() {
        try (TestRegistry registry = TestRegistry.start();
                TopologyHarness harness = new TopologyHarness(registry.url(), stateDir)) {
            harness.publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
            DesignationState state = harness.designations().get(0).value();
            byte[] foreign = harness.serdes()
                    .designationState()
                    .serializer()
                    .serialize(TopologyHarness.TOPICS.designations(), state);
            assertThat(harness.changes()).hasSize(1);

            harness.publishRaw("JP-MOFA".getBytes(StandardCharsets.UTF_8), foreign);
            harness.publish(announcement("a2", T1, designate("RU-P-2", "Olga", MeasureType.TRAVEL_BAN)));

            List<TestRecord<byte[], byte[]>> dead = harness.raw(TopologyHarness.TOPICS.dlq());
            assertThat(dead)
                    .singleElement()
                    .satisfies(record -> assertThat(record.value()).isEqualTo(foreign));
            assertThat(harness.changes())
                    .extracting(TestRecord::value)
                    .extracting(DesignationChange::getChangeId)
                    .containsExactly("a2#0");
        }
    }
}
