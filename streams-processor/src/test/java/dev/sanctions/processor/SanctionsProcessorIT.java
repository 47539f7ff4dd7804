package dev.sanctions.processor;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.T2;
import static dev.sanctions.processor.topology.TestAnnouncements.T3;
import static dev.sanctions.processor.topology.TestAnnouncements.amendPosition;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.delist;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static dev.sanctions.processor.topology.TestAnnouncements.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.core.LogFold;
import dev.sanctions.core.Outcome;
import dev.sanctions.core.Topics;
import dev.sanctions.processor.topology.DeadLetterHeaders;
import dev.sanctions.testkit.KafkaBackendExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The processor on a real broker with exactly-once: order, dead letters, restarts. */
class SanctionsProcessorIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    @TempDir
    Path stateDir;

    private Topics topics;
    private ProcessorSettings settings;
    private KafkaProducer<String, Announcement> producer;
    private final List<SanctionsProcessor> processors = new ArrayList<>();

    @BeforeEach
    void setUp() {
        topics = ProcessorItSupport.createTopics(KAFKA.backend(), "it", List.of("JP"));
        settings = ProcessorItSupport.settings(KAFKA.backend(), topics, "processor-it", stateDir.resolve("state"));
        producer = ProcessorItSupport.announcementProducer(KAFKA.backend());
    }

    @AfterEach
    void tearDown() {
        processors.forEach(SanctionsProcessor::close);
        producer.close();
    }

    @Test
    void notificationsArriveInVersionOrderWithoutGapsAndTheProcessorReportsHealthAndMetrics() throws Exception {
        SanctionsProcessor processor = start(settings);
        awaitRunning(processor);
        assertThat(get(processor, "/health")).isEqualTo("200 {\"status\":\"UP\"}");

        publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
        List<DesignationChange> first = awaitChanges(topics.changes(), 1);
        publish(announcement("a2", T2, amendPosition("RU-P-1", "Governor")));
        publish(announcement("a3", T3, delist("RU-P-1")));

        List<DesignationChange> changes = awaitChanges(topics.changes(), 3);
        assertThat(changes)
                .extracting(DesignationChange::getVersion)
                .as(changes.stream()
                        .map(c -> c.getChangeId() + " v" + c.getVersion() + " " + c.getChangeType() + " "
                                + c.getChangedFields())
                        .toList()
                        .toString())
                .containsExactly(1L, 2L, 3L);
        assertThat(changes.get(0)).isEqualTo(first.get(0));
        assertThat(awaitChanges(topics.changes("JP"), 3)).isEqualTo(changes);
        assertThat(get(processor, "/metrics")).startsWith("200 ").contains("kafka_stream");
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndLaterRecordsStillFlow() {
        start(settings);
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(
                    topics.announcements(),
                    0,
                    "JP-MOFA".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8)));
        }
        publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));

        assertThat(awaitChanges(topics.changes(), 1))
                .extracting(DesignationChange::getChangeId)
                .containsExactly("a1#0");
        List<ConsumerRecord<byte[], byte[]>> dead = await().atMost(WAIT)
                .until(
                        () -> CommittedRecords.readToEnd(
                                KAFKA.bootstrapServers(),
                                topics.dlq(),
                                new ByteArrayDeserializer(),
                                new ByteArrayDeserializer()),
                        records -> !records.isEmpty());
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
            assertThat(new String(
                            record.headers()
                                    .lastHeader(DeadLetterHeaders.SOURCE_TOPIC)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo(topics.announcements());
            assertThat(record.headers().lastHeader(DeadLetterHeaders.SOURCE_PARTITION))
                    .isNotNull();
            assertThat(record.headers().lastHeader(DeadLetterHeaders.SOURCE_OFFSET))
                    .isNotNull();
            assertThat(record.headers().lastHeader(DeadLetterHeaders.ERROR)).isNotNull();
        });
    }

    @Test
    void aRestartOnTheSameStateDirectoryNeitherLosesNorRepeatsANotification() {
        restartMidStream(settings);
    }

    @Test
    void aRestartOnAFreshStateDirectoryNeitherLosesNorRepeatsANotification() {
        restartMidStream(
                settings.toBuilder().stateDir(stateDir.resolve("fresh")).build());
    }

    /** Publishes a log, stops the processor while it works through it, and lets a second one finish. */
    private void restartMidStream(ProcessorSettings second) {
        List<Announcement> log = longLog(60);
        Map<String, List<Long>> expected = expectedVersions(log);
        int total = expected.values().stream().mapToInt(List::size).sum();

        log.subList(0, 30).forEach(this::publish);
        SanctionsProcessor first = start(settings);
        awaitChanges(topics.changes(), 1);
        first.close();
        processors.remove(first);
        log.subList(30, log.size()).forEach(this::publish);
        start(second);

        await().atMost(WAIT).until(() -> readChanges(topics.changes()).size() >= total);
        Map<String, List<Long>> actual = readChanges(topics.changes()).stream()
                .collect(Collectors.groupingBy(
                        DesignationChange::getDesignationKey,
                        TreeMap::new,
                        Collectors.mapping(DesignationChange::getVersion, Collectors.toList())));
        assertThat(actual).isEqualTo(expected);
    }

    /** Designations, amendments and delistings of five targets, so that every key reaches several versions. */
    private static List<Announcement> longLog(int size) {
        List<Announcement> log = new ArrayList<>();
        Instant at = T1;
        for (int i = 0; i < size; i++) {
            String target = "RU-P-" + (i % 5);
            int round = i / 5;
            at = at.plusSeconds(3600);
            log.add(
                    switch (round % 3) {
                        case 0 -> announcement("r" + i, at, designate(target, "Person " + i, MeasureType.ASSET_FREEZE));
                        case 1 -> announcement("r" + i, at, amendPosition(target, "Position " + i));
                        default -> announcement("r" + i, at, delist(target));
                    });
        }
        return log;
    }

    private static Map<String, List<Long>> expectedVersions(List<Announcement> log) {
        LogFold oracle = new LogFold();
        Map<String, List<Long>> versions = new TreeMap<>();
        for (Announcement announcement : log) {
            for (Outcome outcome : oracle.apply(announcement)) {
                if (outcome instanceof Outcome.Changed changed) {
                    versions.computeIfAbsent(changed.change().getDesignationKey(), k -> new ArrayList<>())
                            .add(changed.change().getVersion());
                }
            }
        }
        assertThat(versions).containsKey(key("RU-P-0"));
        return versions;
    }

    private SanctionsProcessor start(ProcessorSettings processorSettings) {
        SanctionsProcessor processor = SanctionsProcessor.start(processorSettings);
        processors.add(processor);
        return processor;
    }

    private void publish(Announcement announcement) {
        ProcessorItSupport.publish(producer, topics, announcement);
    }

    private List<DesignationChange> awaitChanges(String topic, int count) {
        return await().atMost(WAIT).until(() -> readChanges(topic), changes -> changes.size() >= count);
    }

    private List<DesignationChange> readChanges(String topic) {
        return ProcessorItSupport.changes(KAFKA.backend(), topic);
    }

    private static void awaitRunning(SanctionsProcessor processor) {
        await().atMost(WAIT).until(() -> processor.state() == KafkaStreams.State.RUNNING);
    }

    private static String get(SanctionsProcessor processor, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(processor.httpUrl() + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
