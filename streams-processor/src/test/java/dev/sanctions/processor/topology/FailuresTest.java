package dev.sanctions.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.registry.client.SchemaRegistryException;
import java.io.EOFException;
import java.net.ConnectException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** Retriable only when known to be: an outage; the bytes alone make a dead letter; the rest stops. */
class FailuresTest {

    @Test
    void aTruncatedAvroBodyIsTheRecordsFaultNotAnOutage() {
        Exception truncated = new SerializationException("Cannot decode the Avro body", new EOFException());

        assertThat(Failures.isOutage(truncated)).isFalse();
        assertThat(Failures.isUnreadableRecord(truncated)).isTrue();
        assertThat(Failures.isOutage(new StreamsException(truncated))).isFalse();
    }

    @Test
    void aRegistryThatDoesNotAnswerOrAnswers5xxAndABrokerTimeoutAreOutages() {
        Exception refused = new SerializationException(
                "Cannot fetch schema id 1",
                new SchemaRegistryException(0, 0, "cannot reach", new ConnectException("Connection refused")));
        Exception serverError =
                new SerializationException("Cannot fetch schema id 1", new SchemaRegistryException(503, 50301, "down"));

        assertThat(Failures.isOutage(refused)).isTrue();
        assertThat(Failures.isOutage(serverError)).isTrue();
        assertThat(Failures.isOutage(new StreamsException(new TimeoutException("no broker"))))
                .isTrue();
        assertThat(Failures.isUnreadableRecord(refused)).isFalse();
        assertThat(Failures.isUnreadableRecord(serverError)).isFalse();
    }

    @Test
    void anUnknownSchemaIdIsTheRecordsFault() {
        Exception unknown = new SerializationException(
                "names schema id 99", new SchemaRegistryException(404, 40403, "Schema not found"));

        assertThat(Failures.isOutage(unknown)).isFalse();
        assertThat(Failures.isUnreadableRecord(unknown)).isTrue();
        assertThat(Failures.isUnknownSchemaId(unknown)).isTrue();
    }

    @Test
    void aRegistryRefusingTheProcessorIsNeitherAnOutageNorTheRecordsFault() {
        Exception unauthorized = new SerializationException(
                "Cannot fetch schema id 1", new SchemaRegistryException(401, 401, "Unauthorized"));

        assertThat(Failures.isOutage(unauthorized)).isFalse();
        assertThat(Failures.isUnreadableRecord(unauthorized)).isFalse();
    }
}
