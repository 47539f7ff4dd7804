package dev.sanctions.core;

import static dev.sanctions.core.TestData.announcement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Action;
import dev.sanctions.avro.ActionType;
import dev.sanctions.avro.Announcement;
import dev.sanctions.avro.DesignationState;
import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import dev.sanctions.avro.Target;
import dev.sanctions.avro.TargetKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the fold over random logs of valid actions on a few keys. */
class FoldPropertiesTest {

    @Property(tries = 300)
    void everyKeySeesVersionsOneTwoThreeWithoutGaps(@ForAll("logs") List<Announcement> log) {
        LogFold fold = new LogFold();
        Map<String, Long> lastVersion = new HashMap<>();
        for (Announcement a : log) {
            List<Outcome> outcomes = fold.apply(a);
            assertThat(outcomes).hasSize(a.getActions().size());
            for (Outcome outcome : outcomes) {
                if (outcome instanceof Outcome.Changed changed) {
                    String key = changed.after().getDesignationKey();
                    long expected = lastVersion.getOrDefault(key, 0L) + 1;
                    assertThat(changed.after().getVersion()).isEqualTo(expected);
                    assertThat(changed.change().getVersion()).isEqualTo(expected);
                    DesignationState previous = changed.change().getBefore();
                    assertThat(previous == null ? 0L : previous.getVersion()).isEqualTo(expected - 1);
                    lastVersion.put(key, expected);
                }
            }
        }
        fold.states().forEach((key, state) -> assertThat(state.getVersion()).isEqualTo(lastVersion.get(key)));
    }

    @Property(tries = 300)
    void everyChangeStartsFromTheStateItReplacesAndAnUnchangedOneLeavesItAlone(@ForAll("logs") List<Announcement> log) {
        LogFold fold = new LogFold();
        for (Announcement a : log) {
            Map<String, DesignationState> states = new HashMap<>(fold.states());
            List<Outcome> outcomes = fold.apply(a);
            for (int i = 0; i < outcomes.size(); i++) {
                String key = TestData.key(a.getActions().get(i).getTarget().getId());
                Outcome outcome = outcomes.get(i);
                if (outcome instanceof Outcome.Changed changed) {
                    assertThat(changed.change().getBefore()).isEqualTo(states.get(key));
                    assertThat(changed.change().getChangeId()).isEqualTo(a.getAnnouncementId() + "#" + i);
                    assertThat(changed.change().getChangedFields().isEmpty())
                            .isEqualTo(changed.change().getBefore() == null);
                    states.put(key, changed.after());
                }
            }
            assertThat(fold.states()).isEqualTo(states);
        }
    }

    @Property(tries = 300)
    void setsInEveryStateAreSortedAndDistinct(@ForAll("logs") List<Announcement> log) {
        LogFold fold = new LogFold();
        log.forEach(fold::apply);
        for (DesignationState state : fold.states().values()) {
            assertThat(state.getMeasures())
                    .isSortedAccordingTo(Canonical.MEASURE_ORDER)
                    .doesNotHaveDuplicates();
            assertThat(state.getPrograms()).isSorted().doesNotHaveDuplicates();
        }
    }

    @Property(tries = 200)
    void foldingTheSameLogTwiceGivesByteIdenticalOutcomesAndStates(@ForAll("logs") List<Announcement> log) {
        assertThat(serialized(foldAll(log))).isEqualTo(serialized(foldAll(log)));

        LogFold first = new LogFold();
        LogFold second = new LogFold();
        log.forEach(first::apply);
        log.forEach(second::apply);
        assertThat(first.states()).isEqualTo(second.states());
    }

    /** The processor folds states it reads back from its stores; decoded states must fold like in-memory ones. */
    @Property(tries = 200)
    void statesDecodedFromAvroFoldExactlyLikeInMemoryOnes(@ForAll("logs") List<Announcement> log) {
        Map<String, DesignationState> decodedStore = new HashMap<>();
        List<Outcome> viaBytes = new ArrayList<>();
        for (Announcement a : log) {
            for (int i = 0; i < a.getActions().size(); i++) {
                String key = TestData.key(a.getActions().get(i).getTarget().getId());
                Outcome outcome = Fold.apply(decodedStore.get(key), a, i);
                if (outcome instanceof Outcome.Changed changed) {
                    decodedStore.put(key, roundTrip(changed.after()));
                }
                viaBytes.add(outcome);
            }
        }
        assertThat(serialized(viaBytes)).isEqualTo(serialized(foldAll(log)));
    }

    private static List<Outcome> foldAll(List<Announcement> log) {
        LogFold fold = new LogFold();
        List<Outcome> outcomes = new ArrayList<>();
        log.forEach(a -> outcomes.addAll(fold.apply(a)));
        return outcomes;
    }

    private static List<String> serialized(List<Outcome> outcomes) {
        return outcomes.stream().map(FoldPropertiesTest::serialized).toList();
    }

    private static String serialized(Outcome outcome) {
        try {
            if (outcome instanceof Outcome.Changed c) {
                return "C" + hex(c.change().toByteBuffer()) + hex(c.after().toByteBuffer());
            }
            if (outcome instanceof Outcome.Rejected r) {
                return "R" + hex(r.rejection().toByteBuffer());
            }
            return "U";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DesignationState roundTrip(DesignationState state) {
        try {
            return DesignationState.fromByteBuffer(state.toByteBuffer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(ByteBuffer buffer) {
        StringBuilder out = new StringBuilder();
        while (buffer.hasRemaining()) {
            out.append(String.format("%02x", buffer.get()));
        }
        return out.toString();
    }

    @Provide
    Arbitrary<List<Announcement>> logs() {
        Arbitrary<List<Action>> actions = actions().list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<String> legalBasis = Arbitraries.of("Act A", "Act B").injectNull(0.3);
        return Combinators.combine(actions, legalBasis)
                .as(Announced::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(12)
                .map(FoldPropertiesTest::log);
    }

    private record Announced(List<Action> actions, String legalBasis) {}

    private static List<Announcement> log(List<Announced> announced) {
        List<Announcement> log = new ArrayList<>();
        for (int i = 0; i < announced.size(); i++) {
            log.add(announcement("a" + i)
                    .publishedAt(TestData.T1.plus(Duration.ofDays(i)))
                    .legalBasis(announced.get(i).legalBasis())
                    .actions(announced.get(i).actions())
                    .build());
        }
        return log;
    }

    private static Arbitrary<Action> actions() {
        Arbitrary<ActionType> type = Arbitraries.of(ActionType.DESIGNATE, ActionType.AMEND, ActionType.DELIST);
        Arbitrary<String> targetId = Arbitraries.of("P1", "P2", "P3");
        Arbitrary<TargetKind> kind =
                Arbitraries.of(TargetKind.PERSON, TargetKind.VESSEL).injectNull(0.5);
        Arbitrary<String> name = Arbitraries.of("Ivanov", "Petrov").injectNull(0.5);
        Arbitrary<List<String>> aliases =
                Arbitraries.of("A", "B", "C").list().ofMaxSize(3).injectNull(0.5);
        Arbitrary<Measure> measure = Combinators.combine(
                        Arbitraries.of(MeasureType.ASSET_FREEZE, MeasureType.TRAVEL_BAN, MeasureType.EXPORT_BAN),
                        Arbitraries.of("entry ban", "oil").injectNull(0.6))
                .as(Measure::new);
        Arbitrary<List<Measure>> measures = measure.list().ofMaxSize(3).injectNull(0.4);
        Arbitrary<List<String>> programs =
                Arbitraries.of("RUSSIA", "BELARUS").list().ofMaxSize(2).injectNull(0.5);
        return Combinators.combine(type, targetId, kind, name, aliases, measures, programs)
                .as(FoldPropertiesTest::validAction);
    }

    /** A DESIGNATE always gets what the rules require, so every generated action is valid. */
    private static Action validAction(
            ActionType type,
            String targetId,
            TargetKind kind,
            String name,
            List<String> aliases,
            List<Measure> measures,
            List<String> programs) {
        boolean designate = type == ActionType.DESIGNATE;
        List<Measure> given = designate && (measures == null || measures.isEmpty())
                ? List.of(new Measure(MeasureType.ASSET_FREEZE, null))
                : measures;
        return Action.newBuilder()
                .setAction(type)
                .setTarget(Target.newBuilder()
                        .setId(targetId)
                        .setKind(designate && kind == null ? TargetKind.PERSON : kind)
                        .setName(designate && name == null ? "Ivanov" : name)
                        .setAliases(aliases)
                        .build())
                .setMeasures(given == null ? null : new ArrayList<>(given))
                .setPrograms(programs == null ? null : new ArrayList<>(programs))
                .build();
    }
}
