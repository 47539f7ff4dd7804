package dev.sanctions.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class RepeatedStringsTest {

    @Test
    void aShortAsciiValueReadAgainIsTheStringReadBefore() throws IOException {
        RepeatedStrings strings = new RepeatedStrings();
        BinaryDecoder in = decoder(List.of("US-OFAC", "RU", "US-OFAC", "RU"));

        String first = strings.read(in);
        String second = strings.read(in);

        assertThat(strings.read(in)).isEqualTo("US-OFAC").isSameAs(first);
        assertThat(strings.read(in)).isEqualTo("RU").isSameAs(second);
    }

    /** Many values sharing 64 slots, non-ASCII and long ones among them: each is read as written. */
    @Test
    void everyValueIsReadAsWrittenWhateverTheSlotsHold() throws IOException {
        Random random = new Random(15);
        String[] pool = {"", "a", "RU", "GB", "Иванов", "é", "x".repeat(64), "x".repeat(65), "😀"};
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextInt(3) == 0 ? pool[random.nextInt(pool.length)] : "ID-" + random.nextInt(500));
        }
        RepeatedStrings strings = new RepeatedStrings();
        BinaryDecoder in = decoder(values);

        for (String value : values) {
            assertThat(strings.read(in)).isEqualTo(value);
        }
    }

    private static BinaryDecoder decoder(List<String> values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        for (String value : values) {
            encoder.writeString(value);
        }
        encoder.flush();
        return DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
    }
}
