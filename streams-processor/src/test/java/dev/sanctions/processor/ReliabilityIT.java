package dev.sanctions.processor;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.T2;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.core.Topics;
import dev.sanctions.processor.topology.DeadLetterHeaders;
import dev.sanctions.processor.topology.PoisonRecord;
import dev.sanctions.processor.topology.TestAnnouncements;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.registry.serde.SpecificAvroSerializer;
import dev.sanctions.testkit.KafkaBackendExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import org.junit.jupiter.api.parallel.Isolated;

/**
 * No single record stops, stalls or splits the pipeline on a real broker with exactly-once: poison records
 * are dead letters, a failure after decoding aborts the whole announcement, an outage is retried a bounded
 * number of times and shows on /health and /metrics.
 */
// Alone: a stream thread it fails on purpose dies with an uncaught exception, which Awaitility in another class's
// test running alongside would catch and fail that test with.
@Isolated
class ReliabilityIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

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
        topics = ProcessorItSupport.createTopics(KAFKA.backend(), "reliability", List.of("JP"));
        settings = ProcessorItSupport.settings(KAFKA.backend(), topics, "reliability-it", stateDir.resolve("state"));
        producer = ProcessorItSupport.announcementProducer(KAFKA.backend());
    }

    @AfterEach
    void tearDown() {
        processors.forEach(SanctionsProcessor::close);
        producer.close();
    }

    @Test
    void everyPoisonRecordIsADeadLetterWithItsReasonAndTheAnnouncementAfterThemIsApplied() throws Exception {
        SpecificAvroSerializer<Announcement> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()), false);
        List<PoisonRecord> poisons = Arrays.asList(PoisonRecord.values());
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (PoisonRecord poison : poisons) {
                // Keyed like the announcement after them, so they sit before it in its partition.
                raw.send(new ProducerRecord<>(
                                topics.announcements(),
                                "JP-MOFA".getBytes(StandardCharsets.UTF_8),
                                poison.value(serializer, topics.announcements())))
                        .get();
            }
        }
        publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
        SanctionsProcessor processor = start(settings);

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
                        records -> records.size() >= poisons.size());
        assertThat(dead)
                .extracting(record -> header(record, DeadLetterHeaders.REASON))
                .containsExactlyElementsOf(
                        poisons.stream().map(poison -> poison.reason().label()).toList());
        assertThat(dead).allSatisfy(record -> {
            assertThat(header(record, DeadLetterHeaders.ERROR)).isNotBlank();
            assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topics.announcements());
            assertThat(header(record, DeadLetterHeaders.SOURCE_PARTITION)).isNotBlank();
            assertThat(header(record, DeadLetterHeaders.SOURCE_OFFSET)).isNotBlank();
        });
        String metrics = get(processor, "/metrics");
        assertThat(metrics)
                .contains("sanctions_dead_letters_total{reason=\"undecodable\"} 2.0")
                .contains("sanctions_dead_letters_total{reason=\"unknown-schema-id\"} 1.0")
                .contains("sanctions_dead_letters_total{reason=\"not-framed\"} 1.0")
                .contains("sanctions_dead_letters_total{reason=\"no-value\"} 1.0")
                .contains("sanctions_rejections_total{reason=\"UNKNOWN_DESIGNATION\"} 0.0");
        assertThat(get(processor, "/health")).isEqualTo("200 {\"status\":\"UP\"}");
    }

    @Test
    void aFailureAfterDecodingAbortsTheWholeAnnouncementAndIsNotADeadLetter() throws Exception {
        // The registry refuses the notification schema of the new jurisdiction FR: its subject holds another.
        String frenchSubject = topics.changes("FR") + "-value";
        Schema other = SchemaBuilder.record("Other").fields().requiredLong("n").endRecord();
        try (RestSchemaRegistryClient registry =
                RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()))) {
            registry.setCompatibility(frenchSubject, "FULL_TRANSITIVE");
            registry.register(frenchSubject, other);
        }
        SanctionsProcessor processor = start(settings);
        publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
        assertThat(awaitChanges(topics.changes(), 1)).hasSize(1);

        publish(TestAnnouncements.announcement(
                "FR-DGT",
                "FR",
                "f1",
                T2,
                designate("FR-P-1", "Jean", MeasureType.ASSET_FREEZE),
                designate("FR-P-2", "Marie", MeasureType.ASSET_FREEZE)));

        await().atMost(WAIT).dontCatchUncaughtExceptions().until(() -> processor.state() == KafkaStreams.State.ERROR);
        assertThat(readChanges(topics.changes()))
                .extracting(DesignationChange::getChangeId)
                .containsExactly("a1#0");
        assertThat(readRaw(topics.designations())).hasSize(1);
        assertThat(readRaw(topics.dlq())).isEmpty();
        assertThat(readRaw(topics.rejected())).isEmpty();
        assertThat(get(processor, "/metrics")).contains("sanctions_processing_failures_total{kind=\"other\"} 1.0");
    }

    @Test
    void aRegistryThatRefusesConnectionsIsRetriedABoundedNumberOfTimesAndNothingIsDeadLettered() throws Exception {
        publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));
        SanctionsProcessor processor =
                start(ProcessorSettings.builder(KAFKA.bootstrapServers(), "http://127.0.0.1:" + closedPort())
                        .topics(topics)
                        .applicationId(settings.applicationId())
                        .stateDir(settings.stateDir())
                        .replicationFactor((short) 1)
                        .http("127.0.0.1", 0)
                        // The broker's shortest: a replaced thread waits for the failed one's session to time out.
                        .clientProperties(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000"))
                        .maxConsecutiveOutages(3)
                        .build());

        Set<String> health = ConcurrentHashMap.newKeySet();
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .dontCatchUncaughtExceptions()
                .until(() -> {
                    health.add(get(processor, "/health"));
                    return processor.state() == KafkaStreams.State.ERROR;
                });

        assertThat(health).contains("503 {\"status\":\"FAILING\"}");
        assertThat(get(processor, "/health")).isEqualTo("503 {\"status\":\"ERROR\"}");
        assertThat(get(processor, "/metrics"))
                .contains("sanctions_processing_failures_total{kind=\"outage\"} 3.0")
                .contains("sanctions_dead_letters_total{reason=\"unknown-schema-id\"} 0.0");
        assertThat(readRaw(topics.dlq())).isEmpty();
        assertThat(readRaw(topics.changes())).isEmpty();
    }

    @Test
    void theChangeTopicOfAnExistingJurisdictionIsNotSetUpAgainOnTheStreamThread() throws Exception {
        // An operator's own level on the JP subject: setting the topic up again would put FULL_TRANSITIVE back.
        String japaneseSubject = topics.changes("JP") + "-value";
        try (RestSchemaRegistryClient registry =
                RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()))) {
            registry.setCompatibility(japaneseSubject, "FULL");
            start(settings);
            publish(announcement("a1", T1, designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE)));

            assertThat(awaitChanges(topics.changes("JP"), 1)).hasSize(1);
            assertThat(registry.getCompatibility(japaneseSubject)).isEqualTo("FULL");
        }
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

    private static List<ConsumerRecord<byte[], byte[]>> readRaw(String topic) {
        return CommittedRecords.readToEnd(
                KAFKA.bootstrapServers(), topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return record.headers().lastHeader(name) == null
                ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
