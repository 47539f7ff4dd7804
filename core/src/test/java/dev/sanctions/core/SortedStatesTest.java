package dev.sanctions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sanctions.avro.DesignationState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The sorted states behave as a read-only TreeMap in code point order holding the same states. */
class SortedStatesTest {

    private static final DesignationState STATE = TestData.stateAfter(
            "P1",
            TestData.announcement("a1")
                    .actions(TestData.designatePerson("P1", "Ivanov"))
                    .build());

    @Provide
    Arbitrary<List<String>> keys() {
        // Surrogate pairs and characters above them, where code unit and code point order differ.
        return Arbitraries.strings()
                .withChars('a', 'b', 'Z', '/', '\uFB01', '\uD83D', '\uDE00')
                .ofMinLength(0)
                .ofMaxLength(4)
                .list()
                .ofMaxSize(40);
    }

    @Property
    void sortedAndMergedStatesAreTheTreeMapOfTheSameStates(
            @ForAll("keys") List<String> keys, @ForAll("keys") List<String> probes) {
        Map<String, DesignationState> first = new HashMap<>();
        Map<String, DesignationState> second = new HashMap<>();
        TreeMap<String, DesignationState> expected = new TreeMap<>(Canonical.TEXT_ORDER);
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            DesignationState state =
                    DesignationState.newBuilder(STATE).setVersion(i).build();
            if (!expected.containsKey(key)) {
                (i % 2 == 0 ? first : second).put(key, state);
                expected.put(key, state);
            }
        }
        SortedMap<String, DesignationState> merged =
                LogFold.merged(List.of(SortedStates.of(first), SortedStates.of(second)));

        assertThat(merged).isEqualTo(expected);
        assertThat(expected).isEqualTo(merged);
        assertThat(merged.hashCode()).isEqualTo(expected.hashCode());
        assertThat(new ArrayList<>(merged.keySet())).containsExactlyElementsOf(expected.keySet());
        assertThat(new ArrayList<>(merged.values())).containsExactlyElementsOf(expected.values());
        for (String probe : probes) {
            assertThat(merged.get(probe)).isEqualTo(expected.get(probe));
            assertThat(merged.containsKey(probe)).isEqualTo(expected.containsKey(probe));
            assertThat(merged.headMap(probe)).isEqualTo(expected.headMap(probe));
            assertThat(merged.tailMap(probe)).isEqualTo(expected.tailMap(probe));
            for (String other : probes) {
                if (Canonical.TEXT_ORDER.compare(probe, other) <= 0) {
                    assertThat(merged.subMap(probe, other)).isEqualTo(expected.subMap(probe, other));
                }
            }
        }
        if (!expected.isEmpty()) {
            assertThat(merged.firstKey()).isEqualTo(expected.firstKey());
            assertThat(merged.lastKey()).isEqualTo(expected.lastKey());
        }
    }

    @Property(tries = 20)
    void theyCannotBeChanged(@ForAll("keys") List<String> keys) {
        Map<String, DesignationState> byKey = new HashMap<>();
        keys.forEach(key -> byKey.put(key, STATE));
        SortedMap<String, DesignationState> sorted = SortedStates.of(byKey);

        assertThatThrownBy(() -> sorted.put("x", STATE)).isInstanceOf(UnsupportedOperationException.class);
        if (!keys.isEmpty()) {
            assertThatThrownBy(() -> sorted.remove(keys.get(0))).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(sorted::clear).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> sorted.entrySet().iterator().next().setValue(STATE))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
