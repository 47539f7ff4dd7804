package dev.sanctions.processor;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.T2;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.core.AnnouncementRules;
import dev.sanctions.core.AnnouncementSize;
import dev.sanctions.core.Topics;
import dev.sanctions.processor.setup.RecordLimits;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestAnnouncementLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest announcement publish accepts, carrying the largest notifications the size limits allow (a state of
 * every list and text at its limit, in 3-byte characters, before and after), is processed completely, and the
 * processor goes on with the next one. With Kafka's 1 MB default request size the processor's producer refused
 * such a notification and the task died again after every restart.
 */
class LargeAnnouncementIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int TEXT = 1_000;
    private static final int LONG_TEXT = 10_000;
    private static final int ENTRIES = 100;

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    @TempDir
    Path stateDir;

    @Test
    void anAnnouncementAtTheSizeLimitWithTheLargestNotificationsIsProcessedAndTheProcessorGoesOn() {
        Topics topics = ProcessorItSupport.createTopics(KAFKA.backend(), "large", List.of("JP"));
        Announcement largest = atTheLimit();
        assertThat(AnnouncementRules.check(largest)).isEmpty();
        assertThat(AnnouncementSize.of(largest)).isEqualTo(AnnouncementSize.LIMIT_BYTES);

        try (SanctionsProcessor processor = SanctionsProcessor.start(
                        ProcessorItSupport.settings(KAFKA.backend(), topics, "large", stateDir.resolve("state")));
                KafkaProducer<String, Announcement> publisher = publisher()) {
            publish(publisher, topics, largest);
            List<DesignationChange> changes =
                    awaitChanges(topics.changes("JP"), largest.getActions().size());

            // Every action's notification, each exactly once (two partitions: no order across keys).
            assertThat(changes)
                    .extracting(DesignationChange::getChangeId)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, largest.getActions().size())
                                    .mapToObj(i -> "largest#" + i)
                                    .toList());
            DesignationChange amended = changes.stream()
                    .filter(change -> change.getChangeId().equals("largest#1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(amended.getBefore().getTarget().getAliases()).hasSize(ENTRIES);
            assertThat(amended.getAfter().getTarget().getAliases())
                    .hasSize(ENTRIES)
                    .doesNotContainAnyElementsOf(amended.getBefore().getTarget().getAliases());

            publish(publisher, topics, announcement("next", T2, designate("RU-P-9", "Next", MeasureType.ASSET_FREEZE)));
            assertThat(awaitChanges(topics.changes("JP"), changes.size() + 1))
                    .extracting(DesignationChange::getChangeId)
                    .contains("next#0");
            assertThat(processor.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    /**
     * Two designations each designated and then amended with every text and list at its limit, then designations
     * with long aliases and remarks that fill the announcement to exactly {@link AnnouncementSize#LIMIT_BYTES}.
     */
    private static Announcement atTheLimit() {
        List<Action> actions = new ArrayList<>(List.of(
                largestAction("RU-P-1", '語', ActionType.DESIGNATE),
                largestAction("RU-P-1", '國', ActionType.AMEND),
                largestAction("RU-P-2", '語', ActionType.DESIGNATE),
                largestAction("RU-P-2", '國', ActionType.AMEND)));
        int fillers = 0;
        // Full fillers while one more still leaves 2 KB, so the last one needs at most 100 aliases.
        while (size(actions, filler(fillers, ENTRIES, 64)) + 2_000 < AnnouncementSize.LIMIT_BYTES) {
            actions.add(filler(fillers++, ENTRIES, 64));
        }
        long withoutAliases = size(actions, filler(fillers, 0, 64));
        long perAlias = size(actions, filler(fillers, 1, 64)) - withoutAliases;
        int aliases = (int) ((AnnouncementSize.LIMIT_BYTES - 2_000 - withoutAliases) / perAlias);
        // Remarks of 64 to 8191 characters have a two-byte length: one more character is one more byte.
        long missing = AnnouncementSize.LIMIT_BYTES - size(actions, filler(fillers, aliases, 64));
        actions.add(filler(fillers, aliases, 64 + (int) missing));
        return announcement("largest", T1, actions.toArray(Action[]::new));
    }

    private static long size(List<Action> actions, Action last) {
        List<Action> all = new ArrayList<>(actions);
        all.add(last);
        return AnnouncementSize.of(announcement("largest", T1, all.toArray(Action[]::new)));
    }

    private static Action filler(int index, int aliases, int remarks) {
        Action action = designate("RU-F-" + index, "Filler", MeasureType.ASSET_FREEZE);
        action.getTarget()
                .setAliases(IntStream.range(0, aliases)
                        .mapToObj(i -> (i + "-" + "a".repeat(TEXT)).substring(0, TEXT))
                        .toList());
        action.getTarget().setRemarks("r".repeat(remarks));
        return action;
    }

    private static Action largestAction(String targetId, char c, ActionType type) {
        IntFunction<String> text = i -> (i + "-" + String.valueOf(c).repeat(TEXT)).substring(0, TEXT);
        Target target = Target.newBuilder()
                .setId(targetId)
                .setKind(TargetKind.PERSON)
                .setName(text.apply(-1))
                .setPosition(text.apply(-2))
                .setRemarks(String.valueOf(c).repeat(LONG_TEXT))
                .setAliases(list(text))
                .setBirthDates(list(i -> String.valueOf(1900 + i)))
                .setNationalities(list(i -> "RU"))
                .setIdentifiers(list(i -> new Identifier(text.apply(i), text.apply(i + ENTRIES), "RU")))
                .setAddresses(list(i -> new Address(text.apply(i), "RU")))
                .build();
        return Action.newBuilder()
                .setAction(type)
                .setTarget(target)
                .setMeasures(list(i -> new Measure(MeasureType.OTHER, text.apply(i))))
                .setPrograms(list(text))
                .build();
    }

    private static <T> List<T> list(IntFunction<T> entry) {
        return IntStream.range(0, ENTRIES).mapToObj(entry).toList();
    }

    /** A producer as the publisher configures it: requests as large as the announcements topic takes. */
    private static KafkaProducer<String, Announcement> publisher() {
        return TestAnnouncementLog.producer(
                KAFKA.backend(), Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.ANNOUNCEMENT_TOPIC_BYTES));
    }

    private static void publish(KafkaProducer<String, Announcement> publisher, Topics topics, Announcement a) {
        ProcessorItSupport.publish(publisher, topics, a);
    }

    private static List<DesignationChange> awaitChanges(String topic, int count) {
        return await().atMost(WAIT)
                .until(() -> ProcessorItSupport.changes(KAFKA.backend(), topic), changes -> changes.size() >= count);
    }
}
