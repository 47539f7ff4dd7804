package dev.sanctions.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

    private static final Measure FREEZE = new Measure(MeasureType.ASSET_FREEZE, "detail");
    /** 0x00, id 7, then Avro: enum index 1 (zig-zag 0x02), union branch 1 (0x02), length 6 (0x0c), "detail". */
    private static final byte[] FREEZE_WITH_ID_7 = {
        0x00, 0x00, 0x00, 0x00, 0x07, 0x02, 0x02, 0x0c, 'd', 'e', 't', 'a', 'i', 'l'
    };

    private static final Schema MEASURE_WITHOUT_DETAIL = new Schema.Parser().parse("""
            {"type": "record", "name": "Measure", "namespace": "dev.sanctions.avro", "fields": [
              {"name": "type", "type": {"type": "enum", "name": "MeasureType",
                "symbols": ["UNKNOWN", "ASSET_FREEZE", "EXPORT_BAN"], "default": "UNKNOWN"}}]}""");

    @Test
    void writesTheConfluentFramingAroundTheAvroBody() {
        FixedRegistryClient registry = new FixedRegistryClient(7);
        try (SpecificAvroSerializer<Measure> serializer = new SpecificAvroSerializer<>(registry)) {
            assertThat(serializer.serialize("measures", FREEZE)).containsExactly(FREEZE_WITH_ID_7);
            assertThat(serializer.serialize("measures", FREEZE)).containsExactly(FREEZE_WITH_ID_7);
        }
        assertThat(registry.calls()).containsExactly("register measures-value");
    }

    @Test
    void readsHandWrittenBytes() {
        FixedRegistryClient registry = new FixedRegistryClient(1).with("measures-value", 7, Measure.getClassSchema());
        try (SpecificAvroDeserializer<Measure> deserializer = new SpecificAvroDeserializer<>(registry)) {
            assertThat(deserializer.deserialize("measures", FREEZE_WITH_ID_7)).isEqualTo(FREEZE);
            assertThat(deserializer.deserialize("measures", FREEZE_WITH_ID_7)).isEqualTo(FREEZE);
        }
        assertThat(registry.calls()).containsExactly("getById 7");
    }

    @Test
    void keysUseTheKeySubject() {
        FixedRegistryClient registry = new FixedRegistryClient(1);
        try (SpecificAvroSerializer<Measure> serializer = new SpecificAvroSerializer<>(registry)) {
            serializer.configure(Map.of(), true);
            serializer.serialize("measures", FREEZE);
        }
        assertThat(registry.calls()).containsExactly("register measures-key");
    }

    @Test
    void nullIsNullBothWays() {
        FixedRegistryClient registry = new FixedRegistryClient(1);
        try (SpecificAvroSerde<Measure> serde = new SpecificAvroSerde<>(registry)) {
            assertThat(serde.serializer().serialize("measures", null)).isNull();
            assertThat(serde.deserializer().deserialize("measures", null)).isNull();
        }
        assertThat(registry.calls()).isEmpty();
    }

    @Test
    void withoutAutoRegisterTheSchemaIsLookedUp() {
        FixedRegistryClient registry = new FixedRegistryClient(1).with("measures-value", 7, Measure.getClassSchema());
        try (SpecificAvroSerializer<Measure> serializer = new SpecificAvroSerializer<>(registry)) {
            serializer.configure(Map.of("auto.register.schemas", "false"), false);
            assertThat(serializer.serialize("measures", FREEZE)).containsExactly(FREEZE_WITH_ID_7);
        }
        assertThat(registry.calls()).containsExactly("getId measures-value");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsNamingTopicAndSubject() {
        FixedRegistryClient registry = new FixedRegistryClient(1);
        try (SpecificAvroSerializer<Measure> serializer = new SpecificAvroSerializer<>(registry)) {
            serializer.configure(Map.of("auto.register.schemas", false), false);
            assertThatThrownBy(() -> serializer.serialize("measures", FREEZE))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("topic 'measures'")
                    .hasMessageContaining("subject 'measures-value'")
                    .hasMessageContaining("Schema not found");
        }
    }

    @Test
    void useLatestVersionWritesWithTheLatestSchemaAndItsId() throws IOException {
        Schema withDefaultedDetail = SpecificData.get().getSchema(Measure.class);
        FixedRegistryClient registry = new FixedRegistryClient(1)
                .with("measures-value", 3, MEASURE_WITHOUT_DETAIL)
                .with("measures-value", 4, withDefaultedDetail);
        try (SpecificAvroSerializer<Measure> serializer = new SpecificAvroSerializer<>(registry)) {
            serializer.configure(Map.of("auto.register.schemas", false, "use.latest.version", true), false);
            byte[] framed = serializer.serialize("measures", FREEZE);
            assertThat(framed).startsWith(0, 0, 0, 0, 4);
        }
        assertThat(registry.calls()).containsExactly("getLatest measures-value");
    }

    @Test
    void readsRecordsWrittenWithAnOlderSchemaIntoTodaysClass() throws IOException {
        GenericRecord old = new GenericData.Record(MEASURE_WITHOUT_DETAIL);
        old.put(
                "type",
                new GenericData.EnumSymbol(
                        MEASURE_WITHOUT_DETAIL.getField("type").schema(), "EXPORT_BAN"));
        byte[] framed = frame(3, MEASURE_WITHOUT_DETAIL, old);
        FixedRegistryClient registry = new FixedRegistryClient(1).with("measures-value", 3, MEASURE_WITHOUT_DETAIL);
        try (SpecificAvroDeserializer<Measure> deserializer = new SpecificAvroDeserializer<>(registry)) {
            assertThat(deserializer.deserialize("measures", framed))
                    .isEqualTo(new Measure(MeasureType.EXPORT_BAN, null));
        }
    }

    @Test
    void aWrongMagicByteNamesTopicAndByte() {
        byte[] framed = FREEZE_WITH_ID_7.clone();
        framed[0] = 0x7b;
        try (SpecificAvroDeserializer<Measure> deserializer =
                new SpecificAvroDeserializer<>(new FixedRegistryClient(1))) {
            assertThatThrownBy(() -> deserializer.deserialize("measures", framed))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("topic 'measures'")
                    .hasMessageContaining("0x7b")
                    .hasMessageContaining("schema-registry Avro serializer");
        }
    }

    @Test
    void aTooShortPayloadSaysHowLongItWas() {
        try (SpecificAvroDeserializer<Measure> deserializer =
                new SpecificAvroDeserializer<>(new FixedRegistryClient(1))) {
            assertThatThrownBy(() -> deserializer.deserialize("measures", new byte[] {0, 0, 1}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("topic 'measures'")
                    .hasMessageContaining("3 bytes");
        }
    }

    @Test
    void anUnknownIdNamesTheIdAndTheSettingToCheck() {
        try (SpecificAvroDeserializer<Measure> deserializer =
                new SpecificAvroDeserializer<>(new FixedRegistryClient(1))) {
            assertThatThrownBy(() -> deserializer.deserialize("measures", FREEZE_WITH_ID_7))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("topic 'measures'")
                    .hasMessageContaining("schema id 7")
                    .hasMessageContaining("schema.registry.url");
        }
    }

    @Test
    void aRecordWithoutAGeneratedClassIsExplained() {
        Schema foreign = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"Elsewhere\",\"namespace\":\"org.example\",\"fields\":[]}");
        FixedRegistryClient registry = new FixedRegistryClient(1).with("measures-value", 7, foreign);
        try (SpecificAvroDeserializer<Measure> deserializer = new SpecificAvroDeserializer<>(registry)) {
            assertThatThrownBy(() -> deserializer.deserialize("measures", new byte[] {0, 0, 0, 0, 7}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("org.example.Elsewhere")
                    .hasMessageContaining("no generated Avro class");
        }
    }

    @Test
    void aTruncatedBodyIsASerializationError() {
        FixedRegistryClient registry = new FixedRegistryClient(1).with("measures-value", 7, Measure.getClassSchema());
        byte[] truncated = java.util.Arrays.copyOf(FREEZE_WITH_ID_7, 9);
        try (SpecificAvroDeserializer<Measure> deserializer = new SpecificAvroDeserializer<>(registry)) {
            assertThatThrownBy(() -> deserializer.deserialize("measures", truncated))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("schema id 7");
        }
    }

    @Test
    void readsGeneratedClassesEvenWhenAvroTrustsNoPackage() {
        FixedRegistryClient registry = new FixedRegistryClient(1).with("measures-value", 7, Measure.getClassSchema());
        ClassSecurityValidator.ClassSecurityPredicate trusted = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT_TRUSTED_CLASSES);
        try (SpecificAvroDeserializer<Measure> deserializer = new SpecificAvroDeserializer<>(registry)) {
            // Plain Avro refuses the class in this setting: the serde below must not depend on the property.
            assertThatThrownBy(() -> new SpecificData().getClass(Measure.getClassSchema()))
                    .isInstanceOf(SecurityException.class);
            assertThat(deserializer.deserialize("measures", FREEZE_WITH_ID_7)).isEqualTo(FREEZE);
        } finally {
            ClassSecurityValidator.setGlobal(trusted);
        }
    }

    @Test
    void rejectsAGenericReaderSetting() {
        try (SpecificAvroDeserializer<Measure> deserializer =
                new SpecificAvroDeserializer<>(new FixedRegistryClient(1))) {
            assertThatThrownBy(() -> deserializer.configure(Map.of("specific.avro.reader", "false"), false))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("specific.avro.reader");
        }
    }

    @Test
    void anUnconfiguredSerdeAsksForTheRegistryUrl() {
        try (SpecificAvroSerde<Measure> serde = new SpecificAvroSerde<>()) {
            assertThatThrownBy(() -> serde.configure(Map.of(), false))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("schema.registry.url");
            assertThatThrownBy(() -> serde.serializer().serialize("measures", FREEZE))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("schema.registry.url");
        }
    }

    private static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, 0, 0, 0, (byte) id});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
