package dev.sanctions.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.core.LogFold;
import dev.sanctions.core.Topics;
import dev.sanctions.kafka.AnnouncementPlacement;
import dev.sanctions.registry.serde.SpecificAvroSerializer;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.TestAnnouncementLog;
import dev.sanctions.testkit.TestTopics;
import dev.sanctions.testkit.UniqueNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replay against a real broker: as-of answers equal the pure fold of the log up to that instant. */
class ReplayIT {
    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private static final Instant T1 = Instant.parse("2022-03-01T01:00:00Z");
    private static final Instant T2 = Instant.parse("2022-03-02T01:00:00Z");
    private static final Instant T3 = Instant.parse("2022-03-03T01:00:00Z");
    private static final Instant T4 = Instant.parse("2022-03-04T01:00:00Z");

    private Topics topics;
    private Replay replay;
    private final List<Announcement> log = List.of(
            announcement(
                    "jp-1",
                    "JP-MOFA",
                    "JP",
                    T1,
                    action(ActionType.DESIGNATE, person("RU-P-1", "Ivan Petrov"), MeasureType.ASSET_FREEZE),
                    action(ActionType.DESIGNATE, person("RU-P-2", "Olga Smirnova"), MeasureType.TRAVEL_BAN)),
            announcement(
                    "us-1",
                    "US-OFAC",
                    "US",
                    T2,
                    action(ActionType.DESIGNATE, person("RU-P-9", "Sergei Ivanov"), MeasureType.ASSET_FREEZE)),
            announcement(
                    "jp-2",
                    "JP-MOFA",
                    "JP",
                    T3,
                    action(
                            ActionType.AMEND,
                            Target.newBuilder()
                                    .setId("RU-P-1")
                                    .setPosition("Minister")
                                    .build(),
                            null)),
            announcement(
                    "jp-3",
                    "JP-MOFA",
                    "JP",
                    T4,
                    action(
                            ActionType.DELIST,
                            Target.newBuilder().setId("RU-P-2").build(),
                            null)),
            announcement(
                    "jp-3",
                    "JP-MOFA",
                    "JP",
                    T4,
                    action(
                            ActionType.DELIST,
                            Target.newBuilder().setId("RU-P-1").build(),
                            null)));

    @BeforeEach
    void publishTheLog() {
        topics = Topics.withPrefix(UniqueNames.of("replay") + ".");
        TestTopics.create(KAFKA.bootstrapServers(), 2, topics.announcements(), topics.designations());
        try (KafkaProducer<String, Announcement> producer = producer()) {
            TestAnnouncementLog.send(producer, topics.announcements(), log);
        }
        replay = new Replay(
                new LogSource(
                        Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                        Map.of("schema.registry.url", KAFKA.schemaRegistryUrl())),
                topics);
    }

    @Test
    void asOfAnInstantFoldsExactlyTheAnnouncementsPublishedUntilThen() {
        assertThat(replay.asOf(T1.minusSeconds(1), n -> {}).states()).isEmpty();
        assertThat(replay.asOf(T2, n -> {}).states()).isEqualTo(fold(log.subList(0, 2)));
        assertThat(replay.asOf(T3, n -> {}).states()).isEqualTo(fold(log.subList(0, 3)));

        Refold whole = replay.asOf(null, n -> {});
        assertThat(whole.states()).isEqualTo(fold(log));
        assertThat(whole.states().get("JP-MOFA/RU-P-2").getStatus().name()).isEqualTo("DELISTED");
        assertThat(whole.states().get("JP-MOFA/RU-P-1").getTarget().getPosition())
                .isEqualTo("Minister");
        assertThat(whole.announcements()).isEqualTo(5);
        assertThat(whole.unreadable()).isZero();
    }

    @Test
    void snapshotsInPartsFoldOnlyWhenWholeAndAsOfTheirPublishedAt() {
        Announcement first = snapshot(
                "sdn-1",
                T2,
                action(ActionType.DESIGNATE, person("S-1", "Ivan"), MeasureType.ASSET_FREEZE),
                action(ActionType.DESIGNATE, person("S-2", "Olga"), MeasureType.ASSET_FREEZE),
                action(ActionType.DESIGNATE, person("S-3", "Pavel"), MeasureType.ASSET_FREEZE));
        Announcement second = snapshot(
                "sdn-2",
                T4,
                action(ActionType.DESIGNATE, person("S-1", "Ivan"), MeasureType.ASSET_FREEZE),
                action(ActionType.DESIGNATE, person("S-3", "Pavel Petrov"), MeasureType.ASSET_FREEZE));
        List<Announcement> snapshots = new ArrayList<>(TestAnnouncementLog.parts(first, 2));
        snapshots.addAll(TestAnnouncementLog.parts(second, 1));
        try (KafkaProducer<String, Announcement> producer = producer()) {
            TestAnnouncementLog.send(producer, topics.announcements(), snapshots);
        }
        List<Announcement> whole = new ArrayList<>(log);
        whole.addAll(snapshots);

        SortedMap<String, DesignationState> asOfT3 = replay.asOf(T3, n -> {}).states();
        SortedMap<String, DesignationState> all = replay.asOf(null, n -> {}).states();

        assertThat(asOfT3.get("US-OFAC/S-2").getStatus().name()).isEqualTo("ACTIVE");
        assertThat(asOfT3.get("US-OFAC/S-3").getTarget().getName()).isEqualTo("Pavel");
        assertThat(all).isEqualTo(fold(whole));
        assertThat(all.get("US-OFAC/S-2").getStatus().name()).isEqualTo("DELISTED");
        assertThat(all.get("US-OFAC/S-2").getLastAnnouncementId()).isEqualTo("sdn-2");
        assertThat(all.get("US-OFAC/S-3").getTarget().getName()).isEqualTo("Pavel Petrov");
    }

    @Test
    void verifyAgreesWithAFaithfulStateTopicAndNamesEveryKeyThatDiffers() {
        SortedMap<String, DesignationState> states = fold(log);
        try (KafkaProducer<String, DesignationState> producer = producer()) {
            states.forEach((key, state) -> producer.send(new ProducerRecord<>(topics.designations(), key, state)));
        }
        assertThat(replay.verify(n -> {}).agrees()).isTrue();

        DesignationState tampered = DesignationState.newBuilder(states.get("US-OFAC/RU-P-9"))
                .setVersion(7)
                .build();
        try (KafkaProducer<String, DesignationState> producer = producer()) {
            producer.send(new ProducerRecord<>(topics.designations(), "US-OFAC/RU-P-9", tampered));
            producer.send(new ProducerRecord<>(topics.designations(), "JP-MOFA/RU-P-404", tampered));
            producer.send(new ProducerRecord<>(topics.designations(), "JP-MOFA/RU-P-2", null));
        }
        Verification verification = replay.verify(n -> {});
        assertThat(verification.agrees()).isFalse();
        assertThat(verification.differences())
                .extracting(Difference::toString)
                .containsExactly(
                        "JP-MOFA/RU-P-2: missing from the designations topic (the log gives version 2)",
                        "JP-MOFA/RU-P-404: in the designations topic (version 7) but the log never designated it",
                        "US-OFAC/RU-P-9: the topic has version 7, the log gives version 1; fields that differ: version");
    }

    @Test
    void aRecordOfAnotherSchemaIsCountedAndSkippedAsTheProcessorDeadLettersIt() {
        // A DesignationState under a valid registry id, on the announcements topic: the processor's decoder
        // sends it to the dead-letter topic, so the log's answer is the fold without it.
        SortedMap<String, DesignationState> states = fold(log);
        DesignationState foreign = states.get("US-OFAC/RU-P-9");
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(topics.announcements(), "US-OFAC", serializedState(foreign)));
            states.forEach((key, state) ->
                    producer.send(new ProducerRecord<>(topics.designations(), key, serializedState(state))));
        }

        Refold whole = replay.asOf(null, n -> {});
        assertThat(whole.states()).isEqualTo(states);
        assertThat(whole.announcements()).isEqualTo(5);
        assertThat(whole.unreadable()).isEqualTo(1);

        Verification verification = replay.verify(n -> {});
        assertThat(verification.agrees()).isTrue();
        assertThat(verification.refold().unreadable()).isEqualTo(1);
    }

    @Test
    void misroutedAnnouncementsAreCountedAndSkippedAsTheProcessorRejectsThem() {
        // The processor rejects these as MISROUTED and applies nothing of them, so the log's answer is the
        // fold without them: under another authority's key, without a key, and outside the key's partition.
        Announcement stray = announcement(
                "jp-9",
                "JP-MOFA",
                "JP",
                T2,
                action(ActionType.DESIGNATE, person("RU-P-77", "Impostor"), MeasureType.ASSET_FREEZE));
        int owner = new AnnouncementPlacement(2).partitionOf("JP-MOFA".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, Announcement> producer = producer()) {
            producer.send(new ProducerRecord<>(topics.announcements(), "US-OFAC", stray));
            producer.send(new ProducerRecord<>(topics.announcements(), 1 - owner, null, stray));
            producer.send(new ProducerRecord<>(topics.announcements(), 1 - owner, "JP-MOFA", stray));
        }

        Refold whole = replay.asOf(null, n -> {});
        assertThat(whole.states()).isEqualTo(fold(log));
        assertThat(whole.announcements()).isEqualTo(5);
        assertThat(whole.misrouted()).isEqualTo(3);
    }

    @Test
    void aRecordOfAnotherSchemaInTheDesignationsTopicIsADifferenceForItsKey() {
        SortedMap<String, DesignationState> states = fold(log);
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            states.forEach((key, state) ->
                    producer.send(new ProducerRecord<>(topics.designations(), key, serializedState(state))));
            byte[] announcement;
            try (SpecificAvroSerializer<Announcement> serializer = new SpecificAvroSerializer<>()) {
                serializer.configure(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()), false);
                announcement = serializer.serialize(topics.announcements(), log.get(1));
            }
            producer.send(new ProducerRecord<>(topics.designations(), "US-OFAC/RU-P-9", announcement));
        }

        Verification verification = replay.verify(n -> {});
        assertThat(verification.agrees()).isFalse();
        assertThat(verification.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.designationKey()).isEqualTo("US-OFAC/RU-P-9");
            assertThat(difference.description())
                    .startsWith("the designations topic's latest record for it does not decode: ");
        });
    }

    @Test
    void anUnreachableRegistryFailsTheReplayWithOneLineInsteadOfAnEmptyAnswer() {
        Replay withoutRegistry = new Replay(
                new LogSource(
                        Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                        Map.of("schema.registry.url", "http://127.0.0.1:1", "max.retries", "0")),
                topics);

        assertThatThrownBy(() -> withoutRegistry.asOf(null, n -> {}))
                .isInstanceOf(ReplayException.class)
                .hasMessageStartingWith("could not reach the schema registry at http://127.0.0.1:1: no answer (")
                .hasMessageEndingWith("; start it or check --schema-registry-url")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> withoutRegistry.verify(n -> {}))
                .isInstanceOf(ReplayException.class)
                .hasMessageStartingWith("could not reach the schema registry at http://127.0.0.1:1");
    }

    /** Under the designations topic's subject: a valid registry id, whichever topic the bytes are sent to. */
    private byte[] serializedState(DesignationState state) {
        try (SpecificAvroSerializer<DesignationState> serializer = new SpecificAvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()), false);
            return serializer.serialize(topics.designations(), state);
        }
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", KAFKA.bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static SortedMap<String, DesignationState> fold(List<Announcement> announcements) {
        LogFold fold = new LogFold();
        announcements.forEach(fold::apply);
        return fold.states();
    }

    private static <T extends SpecificRecord> KafkaProducer<String, T> producer() {
        SpecificAvroSerializer<T> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()), false);
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", KAFKA.bootstrapServers(), "acks", "all"),
                new StringSerializer(),
                serializer);
    }

    private static Announcement announcement(
            String id, String authority, String jurisdiction, Instant publishedAt, Action... actions) {
        return Announcement.newBuilder()
                .setAnnouncementId(id)
                .setAuthority(authority)
                .setJurisdiction(jurisdiction)
                .setPublishedAt(publishedAt)
                .setEffectiveFrom(publishedAt.toString().substring(0, 10))
                .setTitle("Announcement " + id)
                .setActions(List.of(actions))
                .build();
    }

    private static Announcement snapshot(String id, Instant publishedAt, Action... entries) {
        return Announcement.newBuilder(announcement(id, "US-OFAC", "US", publishedAt, entries))
                .setSnapshot(Snapshot.newBuilder()
                        .setList("SDN")
                        .setMaxDelistFraction(0.5)
                        .build())
                .build();
    }

    private static Target person(String id, String name) {
        return Target.newBuilder()
                .setId(id)
                .setKind(TargetKind.PERSON)
                .setName(name)
                .build();
    }

    private static Action action(ActionType type, Target target, MeasureType measure) {
        return Action.newBuilder()
                .setAction(type)
                .setTarget(target)
                .setMeasures(measure == null ? null : List.of(new Measure(measure, null)))
                .build();
    }
}
