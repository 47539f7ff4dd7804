package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.registry.client.SchemaRegistryException;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class AccessRefusalsTest {

    @Test
    void aTopicRefusalNamesTheTopicAndWhatWasRefused() {
        RuntimeException wrapped = new IllegalStateException(
                "the subscription failed", new TopicAuthorizationException(Set.of("sanctions.changes.us")));

        assertThat(AccessRefusals.describe(wrapped, "subscribe"))
                .contains("not authorized to read sanctions.changes.us: ask the operator to grant it");
        assertThat(AccessRefusals.describe(
                        new TopicAuthorizationException(Set.of("sanctions.announcements")), "publish"))
                .contains("not authorized to write to sanctions.announcements: ask the operator to grant it");
    }

    @Test
    void groupLoginAndRegistryRefusalsSayWhatToDo() {
        assertThat(AccessRefusals.describe(
                        new KafkaException(GroupAuthorizationException.forGroupId("bank-us.main")), "subscribe"))
                .hasValueSatisfying(line ->
                        assertThat(line).startsWith("not authorized to use the consumer group " + "bank-us.main"));
        assertThat(AccessRefusals.describe(new SaslAuthenticationException("invalid credentials"), "subscribe"))
                .hasValueSatisfying(line -> assertThat(line).startsWith("the broker did not accept the login"));
        assertThat(AccessRefusals.describe(new SchemaRegistryException(403, 40301, "denied"), "init"))
                .hasValueSatisfying(
                        line -> assertThat(line).startsWith("not authorized to change the schema registry"));
    }

    @Test
    void otherFailuresAreNotRefusals() {
        assertThat(AccessRefusals.describe(new TimeoutException("no answer"), "subscribe"))
                .isEmpty();
        assertThat(AccessRefusals.describe(new SchemaRegistryException(404, 40401, "no subject"), "init"))
                .isEmpty();
    }
}
