package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void aWrappedFailureShowsItsRootCause() {
        KafkaException failure = new KafkaException(
                "Failed to construct kafka consumer",
                new KafkaException(
                        "javax.security.auth.login.LoginException: No JAAS configuration section named 'KafkaClient'",
                        new IllegalArgumentException("Could not find a 'KafkaClient' entry in the JAAS configuration."
                                + " System property 'java.security.auth.login.config' is not set")));
        // Made where Kafka makes it, in the consumer's constructor.
        failure.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.apache.kafka.clients.consumer.KafkaConsumer", "<init>", "KafkaConsumer.java", 1)
        });

        assertThat(Failures.describe(failure))
                .isEqualTo("Failed to construct kafka consumer: Could not find a 'KafkaClient' entry in the JAAS"
                        + " configuration. System property 'java.security.auth.login.config' is not set");
    }

    @Test
    void ourOwnMessageIsNotExtendedWithTheProtocolErrorBehindIt() {
        KafkaException failure = new KafkaException(
                "Topic sanctions.announcements does not exist: create the topics with sanctions init",
                new UnknownTopicOrPartitionException("This server does not host this topic-partition."));

        assertThat(Failures.describe(failure))
                .isEqualTo("Topic sanctions.announcements does not exist: create the topics with sanctions init");
    }

    @Test
    void wrappersThatAddNothingAreSkippedAndARepeatedCauseIsNotRepeated() {
        IllegalStateException cause = new IllegalStateException("the registry is unreachable");
        assertThat(Failures.describe(new ExecutionException(cause))).isEqualTo("the registry is unreachable");
        assertThat(Failures.describe(new RuntimeException("reading: the registry is unreachable", cause)))
                .isEqualTo("reading: the registry is unreachable");
    }

    @Test
    void aJsonParsersInternalsNeverShow() {
        JsonProcessingException parse = parseFailure();
        assertThat(parse.getMessage()).contains("[Source:");

        assertThat(Failures.describe(parse)).doesNotContain("Source:", "StreamReadFeature", "\n");
        assertThat(Failures.describe(new IllegalStateException("the answer is not JSON", parse)))
                .isEqualTo("the answer is not JSON");
        assertThat(Failures.describe(new IllegalStateException("cannot read it: " + parse.getMessage())))
                .doesNotContain("Source:", "StreamReadFeature", "\n")
                .startsWith("cannot read it: Unexpected character");
    }

    private static JsonProcessingException parseFailure() {
        try {
            new ObjectMapper().readTree("{not json");
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("'{not json' was read as JSON");
    }
}
