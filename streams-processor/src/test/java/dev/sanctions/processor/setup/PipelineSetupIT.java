package dev.sanctions.processor.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.core.Topics;
import dev.sanctions.registry.client.RestSchemaRegistryClient;
import dev.sanctions.testkit.KafkaBackendExtension;
import dev.sanctions.testkit.UniqueNames;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code sanctions init}: topics with their settings, schemas with their compatibility, safe to run twice. */
class PipelineSetupIT {

    @RegisterExtension
    static final KafkaBackendExtension KAFKA = new KafkaBackendExtension();

    private Admin admin;
    private RestSchemaRegistryClient registry;
    private Topics topics;
    private PipelineSetup setup;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
        registry = RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", KAFKA.schemaRegistryUrl()));
        topics = Topics.withPrefix(UniqueNames.of("setup") + ".");
        setup = new PipelineSetup(admin, registry, topics, 3, (short) 1);
    }

    @AfterEach
    void disconnect() {
        registry.close();
        admin.close();
    }

    @Test
    void tellsThePartitionCountOfATopicAndNamesInitWhenItIsMissing() {
        assertThatThrownBy(() -> setup.partitions(topics.announcements()))
                .hasMessage(
                        "Topic " + topics.announcements() + " does not exist: create the topics with sanctions init");

        setup.run(List.of("JP"));

        assertThat(setup.partitions(topics.announcements())).isEqualTo(3);
    }

    @Test
    void createsEveryTopicWithItsSettingsAndRegistersEverySchema() throws Exception {
        SetupReport report = setup.run(List.of("JP", "US"));

        assertThat(report.createdTopics())
                .containsExactly(
                        topics.announcements(),
                        topics.designations(),
                        topics.changes(),
                        topics.changes("JP"),
                        topics.changes("US"),
                        topics.rejected(),
                        topics.receipts(),
                        topics.dlq());
        assertThat(report.differences()).isEmpty();
        assertThat(config(topics.announcements()))
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                .containsEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));
        assertThat(config(topics.designations())).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact");
        assertThat(config(topics.changes())).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
        assertThat(config(topics.changes("JP"))).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
        assertThat(config(topics.receipts()))
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete");
        assertThat(admin.describeTopics(List.of(topics.changes()))
                        .allTopicNames()
                        .get()
                        .get(topics.changes())
                        .partitions())
                .hasSize(3);

        assertThat(registry.getCompatibility(topics.announcements() + "-value")).isEqualTo("BACKWARD_TRANSITIVE");
        for (String subject : List.of(
                topics.designations(),
                topics.changes(),
                topics.changes("JP"),
                topics.changes("US"),
                topics.rejected(),
                topics.receipts())) {
            assertThat(registry.getCompatibility(subject + "-value"))
                    .as(subject)
                    .isEqualTo("FULL_TRANSITIVE");
        }
        assertThat(report.schemaIds())
                .containsOnlyKeys(
                        topics.announcements() + "-value",
                        topics.designations() + "-value",
                        topics.changes() + "-value",
                        topics.changes("JP") + "-value",
                        topics.changes("US") + "-value",
                        topics.rejected() + "-value",
                        topics.receipts() + "-value");
    }

    @Test
    void runningTwiceChangesNothingAndReportsSettingsThatDiffer() throws Exception {
        SetupReport first = setup.run(List.of("JP"));
        ConfigResource changes = new ConfigResource(ConfigResource.Type.TOPIC, topics.changes());
        admin.incrementalAlterConfigs(Map.of(
                        changes,
                        List.of(new AlterConfigOp(
                                new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "604800000"),
                                AlterConfigOp.OpType.SET))))
                .all()
                .get();

        SetupReport second = setup.run(List.of("JP"));

        assertThat(second.createdTopics()).isEmpty();
        assertThat(second.existingTopics()).isEqualTo(first.createdTopics());
        assertThat(second.schemaIds()).isEqualTo(first.schemaIds());
        assertThat(second.differences())
                .singleElement()
                .asString()
                .contains(topics.changes(), "retention.ms=604800000", "expected -1");
        assertThat(config(topics.changes())).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "604800000");
    }

    private Map<String, String> config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.entries().stream()
                .collect(java.util.stream.Collectors.toMap(
                        ConfigEntry::name, entry -> entry.value() == null ? "" : entry.value()));
    }
}
