package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionSettingsTest {

    private final SubscriptionSettings defaults = SubscriptionSettings.of("127.0.0.1:9092", "http://127.0.0.1:8081");

    @Test
    void defaultsToEveryNotificationFromNowWithoutGroupOrSnapshot() {
        assertThat(defaults.jurisdictions()).isEmpty();
        assertThat(defaults.from()).isEqualTo(StartPosition.LATEST);
        assertThat(defaults.groupId()).isEmpty();
        assertThat(defaults.snapshot()).isFalse();
        assertThat(new TopicNames(defaults.topicPrefix()).followed(defaults.jurisdictions()))
                .containsExactly("sanctions.changes");
    }

    @Test
    void jurisdictionsAreUpperCaseSortedAndFollowedThroughTheirLowerCaseTopics() {
        SubscriptionSettings chosen = defaults.withJurisdictions(List.of("jp", "EU", "Jp")).withTopicPrefix("staging.");
        assertThat(chosen.jurisdictions()).containsExactly("EU", "JP");
        assertThat(new TopicNames(chosen.topicPrefix()).followed(chosen.jurisdictions()))
                .containsExactly("staging.sanctions.changes.eu", "staging.sanctions.changes.jp");
        assertThat(new TopicNames(chosen.topicPrefix()).designations()).isEqualTo("staging.sanctions.designations");
    }

    @Test
    void refusesAJurisdictionThatIsNotATwoLetterCode() {
        assertThatThrownBy(() -> defaults.withJurisdictions(List.of("JPN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two-letter code")
                .hasMessageContaining("'JPN'");
    }

    @Test
    void theGroupIsNamedOnlyOnce() {
        assertThatThrownBy(() -> defaults.withKafkaProperties(Map.of("bootstrap.servers", "x:1", "group.id", "g")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group.id");
        assertThat(defaults.withGroup("bank").groupId()).contains("bank");
        assertThatThrownBy(() -> defaults.withGroup(" ")).hasMessageContaining("blank");
    }

    @Test
    void needsBootstrapServers() {
        assertThatThrownBy(() -> defaults.withKafkaProperties(Map.of("security.protocol", "SASL_SSL")))
                .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void theClientsReadCommittedAndCommitNothingOnTheirOwn() {
        ClientConfigs configs = new ClientConfigs(defaults.withGroup("bank")
                .withKafkaProperties(Map.of("bootstrap.servers", "x:1", "enable.auto.commit", "true",
                        "isolation.level", "read_uncommitted", "sasl.mechanism", "PLAIN", "max.poll.records", 10)));
        assertThat(configs.follower())
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("allow.auto.create.topics", false)
                .containsEntry("group.id", "bank")
                .containsEntry("sasl.mechanism", "PLAIN");
        assertThat(configs.snapshot()).doesNotContainKey("group.id").containsEntry("isolation.level", "read_committed");
        assertThat(configs.admin()).containsEntry("sasl.mechanism", "PLAIN").doesNotContainKey("max.poll.records");
        assertThat(configs.registry()).containsEntry("schema.registry.url", "http://127.0.0.1:8081")
                .containsEntry("specific.avro.reader", true);
    }

    @Test
    void settingsAreImmutableCopies() {
        SubscriptionSettings settings = defaults.withJurisdictions(Set.of("JP"));
        assertThatThrownBy(() -> settings.jurisdictions().add("US")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.kafkaProperties().put("a", "b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
