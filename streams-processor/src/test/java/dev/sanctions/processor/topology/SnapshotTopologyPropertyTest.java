package dev.sanctions.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.processor.FoldedLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.test.TestRecord;

/**
 * On random logs of snapshots (of two lists, in random parts, some stale, some refused by the guard) and ordinary
 * announcements of one authority, applied in steps of random size, the topology writes exactly what the fold of the
 * log gives: the same notifications, rejections and receipts, in the same order.
 */
class SnapshotTopologyPropertyTest {
    private static final List<String> IDS = List.of("A", "B", "C", "D", "E", "F");
    private static final Instant DAY0 = Instant.parse("2024-01-01T00:00:00Z");

    private static TestRegistry registry;

    @BeforeContainer
    static void startRegistry() {
        registry = TestRegistry.start();
    }

    @AfterContainer
    static void stopRegistry() {
        registry.close();
    }

    @Provide
    Arbitrary<List<List<Announcement>>> logs() {
        Arbitrary<Action> entry = Combinators.combine(Arbitraries.of(IDS), Arbitraries.of("x", "y"))
                .as((id, alias) -> SnapshotTopologyTest.entry(id, null, alias));
        Arbitrary<List<Announcement>> snapshot = Combinators.combine(
                        Arbitraries.of("SDN", "CONS"),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.of(0.2, 1.0),
                        entry.list().ofMinSize(1).ofMaxSize(6),
                        Arbitraries.integers().between(1, 3))
                .as((list, day, fraction, entries, perPart) -> TestAnnouncements.parts(
                        SnapshotTopologyTest.list(
                                list, "id", DAY0.plusSeconds(86_400L * day), fraction, entries.toArray(Action[]::new)),
                        perPart));
        Arbitrary<List<Announcement>> ordinary = Combinators.combine(
                        Arbitraries.of(IDS), Arbitraries.integers().between(0, 4), Arbitraries.of("SDN", "CONS", ""))
                .as((id, day, list) -> List.of(Announcement.newBuilder(TestAnnouncements.announcement(
                                "US-OFAC",
                                "US",
                                "id",
                                DAY0.plusSeconds(86_400L * day),
                                TestAnnouncements.designate(id, "Name of " + id, MeasureType.TRAVEL_BAN)))
                        .setList(list.isEmpty() ? null : list)
                        .build()));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, snapshot), net.jqwik.api.Tuple.of(1, ordinary))
                .list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .map(SnapshotTopologyPropertyTest::numbered);
    }

    /** Gives every announcement its own id, its parts sharing it. */
    private static List<List<Announcement>> numbered(List<List<Announcement>> log) {
        List<List<Announcement>> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            String id = "ann-" + i;
            out.add(log.get(i).stream()
                    .map(a -> Announcement.newBuilder(a).setAnnouncementId(id).build())
                    .toList());
        }
        return out;
    }

    @Property(tries = 25)
    void theTopologyWritesWhatTheFoldOfTheLogGives(
            @ForAll("logs") List<List<Announcement>> log, @ForAll @IntRange(min = 1, max = 3) int step)
            throws IOException {
        List<Announcement> records = log.stream().flatMap(List::stream).toList();
        FoldedLog.Folding folding = new FoldedLog.Folding();
        records.forEach(folding::apply);
        FoldedLog expected = folding.folded();

        Path stateDir = Files.createTempDirectory("sanctions-snapshot-property");
        try (TopologyHarness harness = new TopologyHarness(registry.url(), stateDir, 1, step)) {
            records.forEach(harness::publish);
            harness.runSteps(400);

            assertThat(harness.changes()).extracting(TestRecord::value).containsExactlyElementsOf(expected.changes());
            assertThat(harness.rejected())
                    .extracting(TestRecord::value)
                    .containsExactlyElementsOf(expected.rejections());
            assertThat(harness.receipts()).extracting(TestRecord::value).containsExactlyElementsOf(folding.receipts());
        } finally {
            Utils.delete(stateDir.toFile());
        }
    }
}
