package dev.sanctions.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.ChangeType;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.DesignationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of snapshots over random editions of one list: the fold derives exactly the differences. */
class SnapshotPropertiesTest {
    private static final List<String> IDS = List.of("A", "B", "C", "D", "E", "F", "b", "\uFF21", "\uD83D\uDE00");

    /** One edition: target id to (name, aliases), in the order the list gives them. */
    @Provide
    Arbitrary<Map<String, List<String>>> edition() {
        Arbitrary<List<String>> content =
                Arbitraries.of("x", "y", "z").list().ofMinSize(1).ofMaxSize(3);
        return Arbitraries.subsetOf(IDS).ofMinSize(1).flatMap(ids -> {
            List<String> shuffled = new ArrayList<>(ids);
            return content.list().ofSize(shuffled.size()).map(contents -> {
                Map<String, List<String>> e = new LinkedHashMap<>();
                for (int i = 0; i < shuffled.size(); i++) {
                    e.put(shuffled.get(i), contents.get(i));
                }
                return e;
            });
        });
    }

    static Announcement snapshot(String id, int day, Map<String, List<String>> edition) {
        List<TestData.ActionBuilder> entries = new ArrayList<>();
        edition.forEach((targetId, content) ->
                entries.add(SnapshotFoldTest.entry(targetId).aliases(content.toArray(String[]::new))));
        return SnapshotFoldTest.snapshotOf(
                "SDN",
                id,
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * day),
                1.0,
                entries.toArray(TestData.ActionBuilder[]::new));
    }

    @Property(tries = 300)
    void aSecondEditionChangesExactlyTheDifferences(
            @ForAll("edition") Map<String, List<String>> first, @ForAll("edition") Map<String, List<String>> second) {
        LogFold fold = new LogFold();
        fold.apply(snapshot("e1", 1, first));

        List<Outcome> outcomes = fold.apply(snapshot("e2", 2, second));

        Map<String, ChangeType> expected = new TreeMap<>();
        second.forEach((id, aliases) -> {
            if (!first.containsKey(id)) {
                expected.put(id, ChangeType.DESIGNATED);
            } else if (!aliases.stream()
                    .sorted()
                    .toList()
                    .equals(first.get(id).stream().sorted().toList())) {
                // aliases compared as unordered collections, repeats counted
                expected.put(id, ChangeType.AMENDED);
            }
        });
        first.keySet().stream()
                .filter(id -> !second.containsKey(id))
                .forEach(id -> expected.put(id, ChangeType.DELISTED));
        Map<String, ChangeType> actual = new TreeMap<>();
        for (Outcome o : outcomes) {
            assertThat(o).isNotInstanceOf(Outcome.Rejected.class);
            if (o instanceof Outcome.Changed c) {
                assertThat(actual.put(c.change().getTargetId(), c.change().getChangeType()))
                        .isNull();
            }
        }
        assertThat(actual).isEqualTo(expected);
        List<String> active = fold.states().values().stream()
                .filter(s -> s.getStatus() == DesignationStatus.ACTIVE)
                .map(DesignationState::getTargetId)
                .sorted()
                .toList();
        assertThat(active).isEqualTo(second.keySet().stream().sorted().toList());
    }

    @Property(tries = 200)
    void applyingAnEditionAgainChangesNothing(
            @ForAll("edition") Map<String, List<String>> first, @ForAll("edition") Map<String, List<String>> second) {
        LogFold fold = new LogFold();
        fold.apply(snapshot("e1", 1, first));
        fold.apply(snapshot("e2", 2, second));
        Map<String, DesignationState> before = fold.states();

        List<Outcome> again = fold.apply(snapshot("e2-again", 3, second));

        assertThat(again).allMatch(o -> o instanceof Outcome.Unchanged);
        assertThat(fold.states()).isEqualTo(before);
    }

    @Property(tries = 200)
    void theOutcomesDependNeitherOnTheStepBudgetNorOnTheParts(
            @ForAll("edition") Map<String, List<String>> first,
            @ForAll("edition") Map<String, List<String>> second,
            @ForAll @IntRange(min = 1, max = 5) int budget,
            @ForAll @IntRange(min = 1, max = 4) int partSize) {
        LogFold whole = new LogFold();
        LogFold stepped = new LogFold(budget);
        List<Outcome> expected = new ArrayList<>();
        List<Outcome> actual = new ArrayList<>();
        int day = 0;
        for (Map<String, List<String>> edition : List.of(first, second, first)) {
            Announcement snapshot = snapshot("e" + day, day++, edition);
            expected.addAll(whole.apply(snapshot));
            for (Announcement part : SnapshotParts.split(snapshot, partSize)) {
                actual.addAll(stepped.apply(part));
            }
        }

        assertThat(actual).isEqualTo(expected);
        assertThat(stepped.states()).isEqualTo(whole.states());
        List<Long> versions = new ArrayList<>();
        for (Outcome o : actual) {
            if (o instanceof Outcome.Changed c && c.change().getTargetId().equals("A")) {
                versions.add(c.change().getVersion());
            }
        }
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).isEqualTo(i + 1L);
        }
    }
}
