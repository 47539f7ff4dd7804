package dev.sanctions.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sanctions.avro.Announcement;
import dev.sanctions.core.Topics;
import dev.sanctions.embedded.EmbeddedStack;
import dev.sanctions.testkit.KafkaBackend;
import dev.sanctions.testkit.TestAnnouncementLog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once across a broker restart: the broker (with the registry) of a stack of this test's own is stopped, cleanly,
 * while the processor works through a log and announcements are being published, and started again on the same data
 * directory and ports. The processor carries on by itself, and what it commits is exactly the fold of the log.
 */
class BrokerRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
    private static final long SEED = 12L;
    private static final int ANNOUNCEMENTS = 2_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void aBrokerRestartUnderLoadNeitherLosesNorRepeatsNorSkipsANotification() {
        List<String> jurisdictions = SeededLog.jurisdictions();
        List<Announcement> announcements = SeededLog.of(SEED, ANNOUNCEMENTS);
        FoldedLog intended = FoldedLog.of(announcements);
        int total = intended.changes().size();
        List<Announcement> first = announcements.subList(0, ANNOUNCEMENTS * 4 / 5);
        Path dataDir = workDir.resolve("stack");

        EmbeddedStack stack = EmbeddedStack.start(dataDir, 0, 0);
        try {
            Endpoints endpoints = new Endpoints(stack.bootstrapServers(), stack.schemaRegistryUrl());
            Topics topics = ProcessorItSupport.createTopics(endpoints, "restart", jurisdictions);
            ProcessorSettings settings =
                    ProcessorItSupport.settings(endpoints, topics, "restart-processor", workDir.resolve("state"));
            try (SanctionsProcessor processor = SanctionsProcessor.start(settings);
                    KafkaProducer<String, Announcement> producer = ProcessorItSupport.announcementProducer(endpoints)) {
                TestAnnouncementLog.send(producer, topics.announcements(), first);
                // Stopped early in a backlog that keeps the processor busy for seconds.
                await().atMost(WAIT)
                        .pollInterval(Duration.ofMillis(10))
                        .until(() -> CommittedOutput.countChanges(endpoints.bootstrapServers(), topics) >= total / 4);
                // Sent as the broker stops: some reach it before, the producer holds the rest until it is back.
                announcements
                        .subList(first.size(), announcements.size())
                        .forEach(a -> producer.send(TestAnnouncementLog.record(topics.announcements(), a)));
                stack.close();
                stack = EmbeddedStack.start(
                        dataDir,
                        URI.create("//" + endpoints.bootstrapServers()).getPort(),
                        URI.create(endpoints.schemaRegistryUrl()).getPort());
                producer.flush();
                // Nothing commits while the broker is down: what is missing now was still to do when it stopped.
                int committed = CommittedOutput.countChanges(endpoints.bootstrapServers(), topics);
                LOG.info("right after the broker restart {} of {} notifications committed", committed, total);
                assertThat(committed)
                        .as("the broker was stopped part-way through the processor's input")
                        .isLessThan(total);

                await().atMost(WAIT)
                        .until(() -> ConsumedInput.atEnd(
                                endpoints.bootstrapServers(), settings.applicationId(), topics.announcements()));
                assertThat(processor.state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
            // The log as the broker holds it, not as it was sent: across the restart the idempotent producer was
            // seen to write a batch twice, and the second copies must then be DUPLICATE_ANNOUNCEMENT rejections.
            List<Announcement> log = CommittedOutput.values(
                    endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(), topics.announcements());
            assertThat(log)
                    .as("every announcement sent reached the log")
                    .extracting(Announcement::getAnnouncementId)
                    .containsAll(announcements.stream()
                            .map(Announcement::getAnnouncementId)
                            .toList());
            CommittedOutput output = CommittedOutput.read(
                    endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(), topics, jurisdictions);
            assertThat(output.differencesFrom(FoldedLog.of(log)))
                    .as("committed output against the fold of the log")
                    .isEmpty();
            assertThat(output.changes()).hasSize(total);
        } finally {
            stack.close();
        }
    }

    /** The stack's addresses, which its restart on the same ports keeps. */
    private record Endpoints(String bootstrapServers, String schemaRegistryUrl) implements KafkaBackend {
        @Override
        public void close() {}
    }
}
