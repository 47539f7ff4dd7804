package dev.sanctions.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class EncodeOnceSerdeTest {

    /** Frames like the registry's serializer: byte 0, the topic's schema id, the text; counts its calls. */
    private static final class Framing implements Serializer<StringBuilder> {
        final Map<String, Integer> ids;
        final List<String> calls = new ArrayList<>();

        Framing(Map<String, Integer> ids) {
            this.ids = ids;
        }

        @Override
        public byte[] serialize(String topic, StringBuilder record) {
            calls.add(topic + ":" + record);
            byte[] text = record.toString().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(5 + text.length)
                    .put((byte) 0)
                    .putInt(ids.get(topic))
                    .put(text)
                    .array();
        }
    }

    @Test
    void oneRecordWrittenToTwoTopicsOfOneSchemaIsEncodedOnce() {
        Framing inner = new Framing(Map.of("changes", 7, "changes.jp", 7));
        EncodeOnceSerde.EncodeOnce<StringBuilder> serializer = new EncodeOnceSerde.EncodeOnce<>(inner);
        serializer.serialize("changes", new StringBuilder("first"));
        serializer.serialize("changes.jp", new StringBuilder("second"));
        StringBuilder record = new StringBuilder("third");

        byte[] all = serializer.serialize("changes", record);
        byte[] jp = serializer.serialize("changes.jp", record);

        assertThat(jp).isEqualTo(all);
        assertThat(inner.calls).containsExactly("changes:first", "changes.jp:second", "changes:third");
    }

    @Test
    void aTopicSeenForTheFirstTimeIsEncodedSoItsSubjectIsRegistered() {
        Framing inner = new Framing(Map.of("changes", 7, "changes.jp", 7));
        EncodeOnceSerde.EncodeOnce<StringBuilder> serializer = new EncodeOnceSerde.EncodeOnce<>(inner);
        StringBuilder record = new StringBuilder("one");

        serializer.serialize("changes", record);
        serializer.serialize("changes.jp", record);

        assertThat(inner.calls).containsExactly("changes:one", "changes.jp:one");
    }

    @Test
    void anEqualButOtherRecordOrAnotherSchemaIdIsEncodedAgain() {
        Framing inner = new Framing(Map.of("a", 1, "b", 2));
        EncodeOnceSerde.EncodeOnce<StringBuilder> serializer = new EncodeOnceSerde.EncodeOnce<>(inner);
        serializer.serialize("a", new StringBuilder("x"));
        serializer.serialize("b", new StringBuilder("x"));
        StringBuilder record = new StringBuilder("y");

        serializer.serialize("a", record);
        byte[] other = serializer.serialize("b", record);
        serializer.serialize("a", new StringBuilder("y"));

        assertThat(ByteBuffer.wrap(other).getInt(1)).isEqualTo(2);
        assertThat(inner.calls).containsExactly("a:x", "b:x", "a:y", "b:y", "a:y");
    }
}
