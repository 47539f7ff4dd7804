package dev.sanctions.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sanctions.avro.Measure;
import dev.sanctions.avro.Target;
import dev.sanctions.registry.client.SchemaRegistryException;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** What readers of the log skip (the record) and what they must not skip (the registry is at fault). */
class DecodeFailureTest {

    private static final byte[] MEASURE_WITH_ID_7 = {
        0x00, 0x00, 0x00, 0x00, 0x07, 0x02, 0x02, 0x0c, 'd', 'e', 't', 'a', 'i', 'l'
    };

    @Test
    void bytesThatWillNeverReadAreTheRecordsFault() {
        FixedRegistryClient registry = new FixedRegistryClient(1).with("measures-value", 7, Measure.getClassSchema());
        try (SpecificAvroDeserializer<Measure> deserializer = new SpecificAvroDeserializer<>(registry)) {
            // A body cut short fails with an EOFException inside: an IOException, and still not an outage.
            byte[] cut = Arrays.copyOf(MEASURE_WITH_ID_7, 9);
            assertThat(DecodeFailure.of(catchThrowable(() -> deserializer.deserialize("measures", cut))))
                    .isEqualTo(DecodeFailure.RECORD);
            byte[] unknownId = MEASURE_WITH_ID_7.clone();
            unknownId[4] = 8;
            assertThat(DecodeFailure.of(catchThrowable(() -> deserializer.deserialize("measures", unknownId))))
                    .isEqualTo(DecodeFailure.RECORD);
            assertThat(DecodeFailure.of(catchThrowable(() -> deserializer.deserialize("measures", new byte[] {1}))))
                    .isEqualTo(DecodeFailure.RECORD);
        }
    }

    @Test
    void aRecordOfAnotherSchemaIsTheRecordsFault() {
        FixedRegistryClient registry = new FixedRegistryClient(1).with("measures-value", 7, Measure.getClassSchema());
        try (SpecificAvroDeserializer<Target> deserializer = new SpecificAvroDeserializer<>(registry)) {
            Throwable failure = catchThrowable(() -> {
                Target target = deserializer.deserialize("targets", MEASURE_WITH_ID_7);
                assertThat(target).isNotNull();
            });
            assertThat(failure).isInstanceOf(ClassCastException.class);
            assertThat(DecodeFailure.of(failure)).isEqualTo(DecodeFailure.RECORD);
        }
    }

    @Test
    void aRegistryThatDoesNotAnswerIsTheRegistrysFault() {
        try (SpecificAvroDeserializer<Measure> deserializer = new SpecificAvroDeserializer<>()) {
            deserializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:1", "max.retries", "0"), false);
            Throwable failure = catchThrowable(() -> deserializer.deserialize("measures", MEASURE_WITH_ID_7));
            assertThat(failure).isInstanceOf(SerializationException.class);
            assertThat(DecodeFailure.of(failure)).isEqualTo(DecodeFailure.REGISTRY);
        }
    }

    @Test
    void serverErrorsAndRefusalsAreTheRegistrysFaultOtherAnswersTheRecords() {
        assertThat(DecodeFailure.of(wrapped(503, 50301))).isEqualTo(DecodeFailure.REGISTRY);
        assertThat(DecodeFailure.of(wrapped(401, 401))).isEqualTo(DecodeFailure.REGISTRY);
        assertThat(DecodeFailure.of(wrapped(429, 429))).isEqualTo(DecodeFailure.REGISTRY);
        assertThat(DecodeFailure.of(wrapped(404, 40403))).isEqualTo(DecodeFailure.RECORD);
        // An answer that is not a registry's (a wrong URL) says nothing about the record.
        assertThat(DecodeFailure.of(wrapped(200, 0))).isEqualTo(DecodeFailure.REGISTRY);
        assertThat(DecodeFailure.of(wrapped(400, 400))).isEqualTo(DecodeFailure.REGISTRY);
        assertThat(DecodeFailure.of(new IllegalStateException("a bug in the reader")))
                .isEqualTo(DecodeFailure.RECORD);
    }

    private static SerializationException wrapped(int status, int code) {
        return new SerializationException("cannot fetch", new SchemaRegistryException(status, code, "answer"));
    }
}
