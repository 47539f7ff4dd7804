package dev.sanctions.processor.topology;

import static dev.sanctions.processor.topology.TestAnnouncements.T1;
import static dev.sanctions.processor.topology.TestAnnouncements.amendPosition;
import static dev.sanctions.processor.topology.TestAnnouncements.announcement;
import static dev.sanctions.processor.topology.TestAnnouncements.delist;
import static dev.sanctions.processor.topology.TestAnnouncements.designate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.MeasureType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Whatever bytes reach the announcements topic, the topology either reads an announcement or writes one
 * dead letter with a known reason: nothing escapes as an exception (which would stop or stall the processor).
 */
class DecoderFuzzPropertyTest {

    private static final byte[] KEY = "JP-MOFA".getBytes(StandardCharsets.UTF_8);
    private static final List<String> REASONS = Arrays.stream(DeadLetterReason.values())
            .map(DeadLetterReason::label)
            .toList();

    private static TestRegistry registry;
    private static SanctionsSerdes serdes;
    private static Path stateDir;
    private static TopologyHarness harness;
    private static byte[] valid;

    @BeforeContainer
    static void start() throws IOException {
        registry = TestRegistry.start();
        serdes = SanctionsSerdes.forRegistry(registry.url(), Map.of());
        stateDir = Files.createTempDirectory("sanctions-fuzz");
        harness = new TopologyHarness(serdes, stateDir);
        valid = serdes.announcement()
                .serializer()
                .serialize(
                        TopologyHarness.TOPICS.announcements(),
                        announcement(
                                "a1",
                                T1,
                                designate("RU-P-1", "Ivan", MeasureType.ASSET_FREEZE, MeasureType.TRAVEL_BAN),
                                amendPosition("RU-P-1", "Governor"),
                                delist("RU-P-1")));
    }

    @AfterContainer
    static void stop() throws IOException {
        harness.close();
        serdes.close();
        registry.close();
        Utils.delete(stateDir.toFile());
    }

    @Property(tries = 300)
    void randomBytesAreReadOrDeadLettered(@ForAll("randomBytes") byte[] value) {
        assertReadOrDeadLettered(value);
    }

    @Property(tries = 500)
    void mutatedAnnouncementsAreReadOrDeadLettered(@ForAll("mutated") byte[] value) {
        assertReadOrDeadLettered(value);
    }

    /** Pipes one record; the driver throws what the stream thread would fail on. */
    private static void assertReadOrDeadLettered(byte[] value) {
        harness.publishRaw(KEY, value);
        List<TestRecord<byte[], byte[]>> dead = harness.raw(TopologyHarness.TOPICS.dlq());
        assertThat(dead).hasSizeLessThanOrEqualTo(1);
        dead.forEach(record -> {
            assertThat(record.value()).isEqualTo(value);
            Header reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
            assertThat(reason).isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isIn(REASONS);
        });
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        Arbitrary<byte[]> anything = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        // Framed with the id of the announcement schema, so the bytes reach the Avro decoder.
        Arbitrary<byte[]> framedBody = anything.map(body -> {
            byte[] framed = Arrays.copyOf(valid, 5 + body.length);
            System.arraycopy(body, 0, framed, 5, body.length);
            return framed;
        });
        return Arbitraries.oneOf(anything, framedBody);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<Mutation> flip = Combinators.combine(
                        Arbitraries.integers().between(0, valid.length - 1),
                        Arbitraries.integers().between(0, 7))
                .as((at, bit) -> bytes -> {
                    byte[] copy = bytes.clone();
                    copy[at % copy.length] ^= (byte) (1 << bit);
                    return copy;
                });
        Arbitrary<Mutation> truncate = Arbitraries.integers()
                .between(0, valid.length - 1)
                .map(length -> bytes -> Arrays.copyOf(bytes, Math.min(length, bytes.length)));
        Arbitrary<Mutation> insert = Combinators.combine(
                        Arbitraries.integers().between(0, valid.length), Arbitraries.bytes())
                .as((at, inserted) -> bytes -> {
                    int position = Math.min(at, bytes.length);
                    byte[] copy = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, copy, 0, position);
                    copy[position] = inserted;
                    System.arraycopy(bytes, position, copy, position + 1, bytes.length - position);
                    return copy;
                });
        return Arbitraries.oneOf(flip, truncate, insert)
                .list()
                .ofMinSize(1)
                .ofMaxSize(8)
                .map(mutations -> {
                    byte[] bytes = valid;
                    for (Mutation mutation : mutations) {
                        if (bytes.length == 0) {
                            break;
                        }
                        bytes = mutation.apply(bytes);
                    }
                    return bytes;
                });
    }

    @FunctionalInterface
    private interface Mutation {
        byte[] apply(byte[] bytes);
    }
}
