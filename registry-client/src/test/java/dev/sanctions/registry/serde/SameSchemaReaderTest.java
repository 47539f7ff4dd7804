package dev.sanctions.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Address;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import dev.sanctions.avro.Identifier;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Snapshot;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.FastReaderBuilder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The reader for records in their class's own schema must read exactly what Avro's fast reader reads: the same
 * values from well-formed bytes, and a failure wherever Avro fails on truncated or corrupted ones.
 */
class SameSchemaReaderTest {

    private final Random random = new Random(20_221_130L);

    @Test
    void readsStatesChangesAndAnnouncementsAsAvroDoes() throws IOException {
        for (int i = 0; i < 300; i++) {
            assertReadAlike(state(), DesignationState.getClassSchema());
            assertReadAlike(change(), DesignationChange.getClassSchema());
            assertReadAlike(announcement(), Announcement.getClassSchema());
        }
    }

    @Test
    void failsWhereAvroFailsOnTruncatedOrCorruptedBytes() throws IOException {
        for (int i = 0; i < 30; i++) {
            byte[] bytes = encode(change(), DesignationChange.getClassSchema());
            for (int length = 0; length < bytes.length; length++) {
                assertSameOutcome(Arrays.copyOf(bytes, length), DesignationChange.getClassSchema());
            }
            for (int flip = 0; flip < 200; flip++) {
                byte[] corrupted = bytes.clone();
                corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
                assertSameOutcome(corrupted, DesignationChange.getClassSchema());
            }
        }
    }

    @Test
    void aSchemaThatDiffersInLayoutIsLeftToAvrosResolvingReader() {
        Schema older = new Schema.Parser().parse("""
                {"type": "record", "name": "Measure", "namespace": "dev.sanctions.avro", "fields": [
                  {"name": "type", "type": {"type": "enum", "name": "MeasureType",
                    "symbols": ["UNKNOWN", "ASSET_FREEZE"], "default": "UNKNOWN"}}]}""");

        assertThat(SameSchemaReader.forSchemas(older, Measure.getClassSchema(), model(Measure.class)))
                .isNull();
        assertThat(SameSchemaReader.forSchemas(
                        Measure.getClassSchema(), Measure.getClassSchema(), model(Measure.class)))
                .isNotNull();
    }

    @Test
    void anArrayLongerThanTheBytesLeftIsRefusedBeforeAnythingIsAllocated() {
        // A target: id "", no kind, no name, then aliases claiming a billion strings with three bytes left.
        byte[] claim = {
            0x00, 0x00, 0x00, 0x02, (byte) 0x80, (byte) 0xa8, (byte) 0xd6, (byte) 0xb9, 0x07, 0x02, 0x41, 0x00
        };

        assertThatThrownBy(() -> read(claim, Target.getClassSchema(), SameSchemaReaderTest::ours))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> read(claim, Target.getClassSchema(), SameSchemaReaderTest::avros))
                .isInstanceOf(EOFException.class);
    }

    private void assertReadAlike(SpecificRecord record, Schema schema) throws IOException {
        byte[] bytes = encode(record, schema);
        Object ours = read(bytes, schema, SameSchemaReaderTest::ours);
        Object avros = read(bytes, schema, SameSchemaReaderTest::avros);

        assertThat(ours).isEqualTo(avros).isEqualTo(record);
        assertThat(encode((SpecificRecord) ours, schema)).isEqualTo(bytes);
    }

    private static void assertSameOutcome(byte[] bytes, Schema schema) {
        Object ours;
        Object avros;
        try {
            ours = read(bytes, schema, SameSchemaReaderTest::ours);
        } catch (IOException | RuntimeException e) {
            ours = "failed";
        }
        try {
            avros = read(bytes, schema, SameSchemaReaderTest::avros);
        } catch (IOException | RuntimeException e) {
            avros = "failed";
        }
        assertThat(ours).as("%s", Arrays.toString(bytes)).isEqualTo(avros);
    }

    private static Object read(byte[] bytes, Schema schema, Function<Schema, DatumReader<Object>> readers)
            throws IOException {
        return readers.apply(schema).read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    private static DatumReader<Object> ours(Schema schema) {
        return SameSchemaReader.forSchemas(schema, schema, model(classOf(schema)));
    }

    private static DatumReader<Object> avros(Schema schema) {
        try {
            return new FastReaderBuilder(model(classOf(schema))).createDatumReader(schema, schema);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Class<?> classOf(Schema schema) {
        return new GeneratedClassData(SameSchemaReaderTest.class.getClassLoader()).generatedClass(schema);
    }

    private static GeneratedClassData model(Class<?> root) {
        return new GeneratedClassData(root);
    }

    private static byte[] encode(SpecificRecord record, Schema schema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private DesignationChange change() {
        DesignationState after = state();
        return new DesignationChange(
                text(),
                after.getDesignationKey(),
                after.getAuthority(),
                after.getJurisdiction(),
                after.getTargetId(),
                pick(ChangeType.values()),
                after.getVersion(),
                random.nextBoolean() ? null : state(),
                after,
                texts(),
                text(),
                instant(),
                text());
    }

    private DesignationState state() {
        return new DesignationState(
                text(),
                text(),
                text(),
                text(),
                pick(DesignationStatus.values()),
                target(),
                measures(),
                texts(),
                instant(),
                instant(),
                text(),
                random.nextLong(),
                text(),
                maybe(text()),
                maybe(text()),
                maybe(text()));
    }

    private Announcement announcement() {
        List<Action> actions = new ArrayList<>();
        for (int i = random.nextInt(4); i >= 0; i--) {
            actions.add(
                    new Action(pick(ActionType.values()), target(), maybe(measures()), maybe(texts()), maybe(text())));
        }
        return new Announcement(
                text(),
                text(),
                text(),
                instant(),
                text(),
                text(),
                maybe(text()),
                maybe(text()),
                maybe(text()),
                actions,
                maybe(text()),
                random.nextBoolean()
                        ? null
                        : new Snapshot(
                                text(), random.nextDouble(), random.nextInt(), random.nextInt(), random.nextInt()));
    }

    private Target target() {
        List<Identifier> identifiers = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            identifiers.add(new Identifier(text(), text(), maybe(text())));
        }
        List<Address> addresses = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            addresses.add(new Address(maybe(text()), maybe(text())));
        }
        return new Target(
                text(),
                maybe(pick(TargetKind.values())),
                maybe(text()),
                maybe(texts()),
                maybe(texts()),
                maybe(texts()),
                maybe(texts()),
                maybe(text()),
                maybe(identifiers),
                maybe(addresses),
                maybe(text()),
                maybe(text()));
    }

    private List<Measure> measures() {
        List<Measure> measures = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            measures.add(new Measure(pick(MeasureType.values()), maybe(text())));
        }
        return measures;
    }

    private List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            texts.add(text());
        }
        return texts;
    }

    private String text() {
        String[] samples = {"", "RU", "Ivanov", "Иванов", "\uD83D\uDE00 emoji", "x".repeat(200)};
        return samples[random.nextInt(samples.length)];
    }

    private Instant instant() {
        return Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L);
    }

    private <V> V pick(V[] values) {
        return values[random.nextInt(values.length)];
    }

    private <V> V maybe(V value) {
        return random.nextInt(3) == 0 ? null : value;
    }
}
