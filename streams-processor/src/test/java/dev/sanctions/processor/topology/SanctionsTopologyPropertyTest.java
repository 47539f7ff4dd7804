package dev.sanctions.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationChange;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.RejectedAction;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import dev.sanctions.core.LogFold;
import dev.sanctions.core.Outcome;
import dev.sanctions.core.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The topology agrees with the in-memory fold of {@code core} on every log, and replaying a log
 * gives the same bytes.
 */
class SanctionsTopologyPropertyTest {

    private static final Instant EPOCH = Instant.parse("2022-01-01T00:00:00Z");
    private static final List<String> TARGETS = List.of("T1", "T2", "T3");
    private static final List<String> JURISDICTIONS = List.of("JP", "US");

    private static TestRegistry registry;
    private static SanctionsSerdes serdes;

    @BeforeContainer
    static void startRegistry() {
        registry = TestRegistry.start();
        serdes = SanctionsSerdes.forRegistry(registry.url(), Map.of());
    }

    @AfterContainer
    static void stopRegistry() {
        serdes.close();
        registry.close();
    }

    @Property(tries = 30)
    void theTopologyFoldsLikeTheLogFoldAndReplaysByteForByte(@ForAll("logs") List<Announcement> log)
            throws IOException {
        List<RawRecord> first = run(log, this::checkAgainstLogFold);
        List<RawRecord> second = run(log, outputs -> {});
        assertThat(second).containsExactlyElementsOf(first);
    }

    private List<RawRecord> run(List<Announcement> log, Consumer<Outputs> check) throws IOException {
        Path stateDir = Files.createTempDirectory("sanctions-property");
        try (TopologyHarness harness = new TopologyHarness(serdes, stateDir)) {
            log.forEach(harness::publish);
            Outputs outputs = Outputs.read(log, harness);
            check.accept(outputs);
            return outputs.raw();
        } finally {
            Utils.delete(stateDir.toFile());
        }
    }

    private void checkAgainstLogFold(Outputs outputs) {
        LogFold oracle = new LogFold();
        List<DesignationChange> expectedChanges = new ArrayList<>();
        List<RejectedAction> expectedRejections = new ArrayList<>();
        for (Announcement announcement : outputs.log) {
            for (Outcome outcome : oracle.apply(announcement)) {
                if (outcome instanceof Outcome.Changed changed) {
                    expectedChanges.add(changed.change());
                } else if (outcome instanceof Outcome.Rejected rejected) {
                    expectedRejections.add(rejected.rejection());
                }
            }
        }
        assertThat(outputs.changes).containsExactlyElementsOf(expectedChanges);
        for (String jurisdiction : JURISDICTIONS) {
            assertThat(outputs.changesByJurisdiction.get(jurisdiction))
                    .containsExactlyElementsOf(expectedChanges.stream()
                            .filter(c -> c.getJurisdiction().equals(jurisdiction))
                            .toList());
        }
        assertThat(outputs.rejections).containsExactlyElementsOf(expectedRejections);
        assertThat(outputs.latestDesignations).isEqualTo(oracle.states());
        assertThat(outputs.store).isEqualTo(oracle.states());
    }

    /** What one run wrote, decoded, plus every record's bytes in topic order. */
    private record Outputs(
            List<Announcement> log,
            List<DesignationChange> changes,
            Map<String, List<DesignationChange>> changesByJurisdiction,
            List<RejectedAction> rejections,
            Map<String, DesignationState> latestDesignations,
            Map<String, DesignationState> store,
            List<RawRecord> raw) {

        static Outputs read(List<Announcement> log, TopologyHarness harness) {
            Topics topics = TopologyHarness.TOPICS;
            SanctionsSerdes serdes = harness.serdes();
            List<RawRecord> raw = new ArrayList<>();
            List<DesignationChange> changes = values(
                    decode(harness, topics.changes(), serdes.designationChange().deserializer(), raw));
            Map<String, List<DesignationChange>> byJurisdiction = new TreeMap<>();
            for (String jurisdiction : JURISDICTIONS) {
                byJurisdiction.put(
                        jurisdiction,
                        values(decode(
                                harness,
                                topics.changes(jurisdiction),
                                serdes.designationChange().deserializer(),
                                raw)));
            }
            List<RejectedAction> rejections = values(
                    decode(harness, topics.rejected(), serdes.rejectedAction().deserializer(), raw));
            Map<String, DesignationState> latest = new TreeMap<>();
            decode(harness, topics.designations(), serdes.designationState().deserializer(), raw)
                    .forEach(entry -> latest.put(entry.key, entry.value));
            harness.raw(topics.dlq()).forEach(record -> raw.add(RawRecord.of(topics.dlq(), record)));
            Map<String, DesignationState> store = new TreeMap<>();
            try (KeyValueIterator<String, DesignationState> all =
                    harness.currentStore().all()) {
                all.forEachRemaining(entry -> store.put(entry.key, entry.value));
            }
            return new Outputs(log, changes, byJurisdiction, rejections, latest, store, raw);
        }

        private static <V> List<KeyValue<String, V>> decode(
                TopologyHarness harness, String topic, Deserializer<V> values, List<RawRecord> raw) {
            List<KeyValue<String, V>> decoded = new ArrayList<>();
            for (TestRecord<byte[], byte[]> record : harness.raw(topic)) {
                raw.add(RawRecord.of(topic, record));
                decoded.add(KeyValue.pair(
                        new String(record.key(), StandardCharsets.UTF_8), values.deserialize(topic, record.value())));
            }
            return decoded;
        }

        private static <V> List<V> values(List<KeyValue<String, V>> entries) {
            return entries.stream().map(entry -> entry.value).toList();
        }
    }

    /** One output record as bytes, comparable by content. */
    private record RawRecord(String topic, String key, String value, long timestamp, List<String> headers) {

        static RawRecord of(String topic, TestRecord<byte[], byte[]> record) {
            HexFormat hex = HexFormat.of();
            List<String> headers = new ArrayList<>();
            for (Header header : record.headers()) {
                headers.add(header.key() + "=" + hex.formatHex(header.value()));
            }
            return new RawRecord(
                    topic,
                    record.key() == null ? null : hex.formatHex(record.key()),
                    record.value() == null ? null : hex.formatHex(record.value()),
                    record.timestamp(),
                    headers);
        }
    }

    @Provide
    Arbitrary<List<Announcement>> logs() {
        Arbitrary<Announcement> announcement = Combinators.combine(
                        Arbitraries.of(JURISDICTIONS),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 400),
                        action().list().ofMinSize(1).ofMaxSize(4))
                .as((jurisdiction, id, day, actions) -> Announcement.newBuilder()
                        .setAnnouncementId("n" + id)
                        .setAuthority(jurisdiction.equals("JP") ? "JP-MOFA" : "US-OFAC")
                        .setJurisdiction(jurisdiction)
                        .setPublishedAt(EPOCH.plus(Duration.ofDays(day)))
                        .setEffectiveFrom(
                                EPOCH.plus(Duration.ofDays(day)).toString().substring(0, 10))
                        .setTitle("Announcement n" + id)
                        .setLegalBasis(day % 2 == 0 ? "Act " + day : null)
                        .setSourceUrl(null)
                        .setActions(actions)
                        .build());
        return announcement.list().ofMinSize(1).ofMaxSize(12);
    }

    private Arbitrary<Action> action() {
        Arbitrary<List<Measure>> measures = Arbitraries.of(
                        MeasureType.ASSET_FREEZE, MeasureType.TRAVEL_BAN, MeasureType.EXPORT_BAN)
                .set()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(types ->
                        types.stream().sorted().map(t -> new Measure(t, null)).toList());
        Arbitrary<List<String>> programs = Arbitraries.of("RUSSIA", "IRAN")
                .set()
                .ofMaxSize(2)
                .map(set -> set.stream().sorted().toList());
        Arbitrary<List<String>> aliases = Arbitraries.of("Alias A", "Alias B")
                .set()
                .ofMaxSize(2)
                .map(set -> set.stream().sorted().toList());
        Arbitrary<String> targetId = Arbitraries.of(TARGETS);
        Arbitrary<Action> designate = Combinators.combine(
                        targetId,
                        Arbitraries.of("Ivan", "Olga"),
                        aliases.injectNull(0.5),
                        measures,
                        programs.injectNull(0.5))
                .as((id, name, alias, m, p) -> Action.newBuilder()
                        .setAction(ActionType.DESIGNATE)
                        .setTarget(Target.newBuilder()
                                .setId(id)
                                .setKind(TargetKind.PERSON)
                                .setName(name)
                                .setAliases(alias)
                                .build())
                        .setMeasures(m)
                        .setPrograms(p)
                        .build());
        Arbitrary<Action> amend = Combinators.combine(
                        targetId,
                        Arbitraries.of("Ivan", "Olga").injectNull(0.5),
                        Arbitraries.of("Governor", "Minister").injectNull(0.5),
                        measures.injectNull(0.6),
                        programs.injectNull(0.6))
                .as((id, name, position, m, p) -> Action.newBuilder()
                        .setAction(ActionType.AMEND)
                        .setTarget(Target.newBuilder()
                                .setId(id)
                                .setName(name)
                                .setPosition(position)
                                .build())
                        .setMeasures(m)
                        .setPrograms(p)
                        .build());
        Arbitrary<Action> delist = Combinators.combine(targetId, measures.injectNull(0.6))
                .as((id, m) -> Action.newBuilder()
                        .setAction(ActionType.DELIST)
                        .setTarget(Target.newBuilder().setId(id).build())
                        .setMeasures(m)
                        .build());
        return Arbitraries.frequencyOf(Tuple.of(5, designate), Tuple.of(3, amend), Tuple.of(2, delist));
    }
}
