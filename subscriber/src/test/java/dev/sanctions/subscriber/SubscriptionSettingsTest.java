package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionSettingsTest {

    @Test
    void defaultsToEveryNotificationFromNowWithoutGroupOrSnapshot() {
        SubscriptionSettings defaults = builder().build();
        assertThat(defaults.kafkaProperties()).containsExactly(Map.entry("bootstrap.servers", "127.0.0.1:9092"));
        assertThat(defaults.registryProperties()).isEmpty();
        assertThat(defaults.jurisdictions()).isEmpty();
        assertThat(defaults.from()).isEqualTo(StartPosition.LATEST);
        assertThat(defaults.groupId()).isEmpty();
        assertThat(defaults.snapshot()).isFalse();
        assertThat(new TopicNames(defaults.topicPrefix()).followed(defaults.jurisdictions()))
                .containsExactly("sanctions.changes");
    }

    @Test
    void theReadmeExampleFollowsItsJurisdictionsInItsGroupAfterASnapshot() {
        SubscriptionSettings settings = SubscriptionSettings.builder("kafka:9092", "http://registry:8081")
                .jurisdictions(List.of("JP"))
                .group("bank-a-screening")
                .snapshot(true)
                .build();
        assertThat(settings.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(settings.schemaRegistryUrl()).isEqualTo("http://registry:8081");
        assertThat(settings.jurisdictions()).containsExactly("JP");
        assertThat(settings.groupId()).contains("bank-a-screening");
        assertThat(settings.snapshot()).isTrue();
    }

    @Test
    void jurisdictionsAreUpperCaseSortedAndFollowedThroughTheirLowerCaseTopics() {
        SubscriptionSettings chosen = builder()
                .jurisdictions(List.of("jp", "EU", "Jp"))
                .topicPrefix("staging.")
                .build();
        assertThat(chosen.jurisdictions()).containsExactly("EU", "JP");
        assertThat(new TopicNames(chosen.topicPrefix()).followed(chosen.jurisdictions()))
                .containsExactly("staging.sanctions.changes.eu", "staging.sanctions.changes.jp");
        assertThat(new TopicNames(chosen.topicPrefix()).designations()).isEqualTo("staging.sanctions.designations");
    }

    @Test
    void refusesAJurisdictionThatIsNotATwoLetterCode() {
        assertThatThrownBy(() -> builder().jurisdictions(List.of("JPN")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 3166-1 alpha-2 code, EU or UN")
                .hasMessageContaining("'JPN'");
    }

    @Test
    void refusesUkAndNamesGbInstead() {
        // Two letters, but no ISO code: a subscription to sanctions.changes.uk would wait for ever.
        assertThatThrownBy(() -> builder().jurisdictions(List.of("uk")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'UK' is not an ISO 3166-1 code: the United Kingdom's code is GB");
    }

    @Test
    void theGroupIsNamedOnlyOnce() {
        assertThatThrownBy(() -> builder()
                        .kafkaProperties(Map.of("bootstrap.servers", "x:1", "group.id", "g"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group.id");
        assertThat(builder().group("bank").build().groupId()).contains("bank");
        assertThatThrownBy(() -> builder().group(" ").build()).hasMessageContaining("blank");
    }

    @Test
    void needsBootstrapServers() {
        assertThatThrownBy(() -> builder()
                        .kafkaProperties(Map.of("security.protocol", "SASL_SSL"))
                        .build())
                .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void theClientsReadCommittedAndCommitNothingOnTheirOwn() {
        ClientConfigs configs = new ClientConfigs(builder()
                .group("bank")
                .kafkaProperties(Map.of(
                        "bootstrap.servers",
                        "x:1",
                        "enable.auto.commit",
                        "true",
                        "isolation.level",
                        "read_uncommitted",
                        "sasl.mechanism",
                        "PLAIN",
                        "max.poll.records",
                        10))
                .build());
        assertThat(configs.follower())
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("allow.auto.create.topics", false)
                .containsEntry("group.id", "bank")
                .containsEntry("sasl.mechanism", "PLAIN");
        assertThat(configs.snapshot()).doesNotContainKey("group.id").containsEntry("isolation.level", "read_committed");
        assertThat(configs.admin()).containsEntry("sasl.mechanism", "PLAIN").doesNotContainKey("max.poll.records");
        assertThat(configs.registry())
                .containsEntry("schema.registry.url", "http://127.0.0.1:8081")
                .containsEntry("specific.avro.reader", true);
    }

    @Test
    void settingsAreImmutableCopies() {
        SubscriptionSettings settings = builder().jurisdictions(Set.of("JP")).build();
        assertThatThrownBy(() -> settings.jurisdictions().add("US")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.kafkaProperties().put("a", "b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static SubscriptionSettings.Builder builder() {
        return SubscriptionSettings.builder("127.0.0.1:9092", "http://127.0.0.1:8081");
    }
}
