package dev.sanctions.processor;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sanctions.core.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ProcessorSettingsTest {

    @Test
    void theStreamsConfigIsExactlyOnceWithShortCommitsWhateverTheClientPropertiesSay() {
        ProcessorSettings settings = ProcessorSettings.builder("broker:9092", "http://registry:8081")
                .stateDir(Path.of("/var/lib/sanctions"))
                .replicationFactor((short) 3)
                .clientProperties(Map.of(
                        "security.protocol",
                        "SASL_SSL",
                        StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                        StreamsConfig.AT_LEAST_ONCE))
                .build();

        Properties config = SanctionsProcessor.streamsConfig(settings);

        assertThat(config)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "sanctions-processor")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50L)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/sanctions")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void theStreamsConfigLogsNoWarningAnOperatorWouldTakeForAProblem() {
        Logger streamsConfigLog = (Logger) LoggerFactory.getLogger(StreamsConfig.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        streamsConfigLog.addAppender(logged);
        try {
            StreamsConfig config = new StreamsConfig(
                    SanctionsProcessor.streamsConfig(ProcessorSettings.builder("broker:9092", "http://registry:8081")
                            .build()));
            // Kafka Streams' partition assignor builds a StreamsConfig of its own from the main consumer's configs.
            new StreamsConfig(config.getMainConsumerConfigs("sanctions-processor", "sanctions-processor-client", 0));
        } finally {
            streamsConfigLog.detachAppender(logged);
        }

        assertThat(logged.list)
                .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage)
                .isEmpty();
    }

    @Test
    void pollAndLingerAreShortForLatencyUnlessTheClientPropertiesSetThem() {
        Properties defaults = SanctionsProcessor.streamsConfig(
                ProcessorSettings.builder("broker:9092", "http://registry:8081").build());
        Properties chosen = SanctionsProcessor.streamsConfig(ProcessorSettings.builder(
                        "broker:9092", "http://registry:8081")
                .clientProperties(Map.of(StreamsConfig.POLL_MS_CONFIG, "50", ProducerConfig.LINGER_MS_CONFIG, "20"))
                .build());

        assertThat(defaults)
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, 10L)
                .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5L);
        assertThat(chosen)
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, "50")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
                .doesNotContainKey(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG));
    }

    @Test
    void topicNamesCarryThePrefixVerbatimAndJurisdictionsInLowerCase() {
        Topics topics = Topics.withPrefix("staging.");
        assertThat(topics.announcements()).isEqualTo("staging.sanctions.announcements");
        assertThat(topics.changes("JP")).isEqualTo("staging.sanctions.changes.jp");
        assertThat(Topics.withPrefix(null).dlq()).isEqualTo("sanctions.dlq");
    }
}
