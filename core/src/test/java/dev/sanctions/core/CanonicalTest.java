package dev.sanctions.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Sets sort the same in every language: by Unicode code point, not by Java's UTF-16 units. */
class CanonicalTest {

    @Test
    void programsAndDetailsSortByCodePoint() {
        // U+1F600 is above U+FF21, but its UTF-16 surrogates (U+D83D...) sort below it.
        assertThat(Canonical.programs(List.of("😀", "Ａ", "a", "B"))).containsExactly("B", "a", "Ａ", "😀");
        assertThat(Canonical.measures(List.of(
                        new Measure(MeasureType.OTHER, "😀"),
                        new Measure(MeasureType.OTHER, "Ａ"),
                        new Measure(MeasureType.OTHER, null))))
                .extracting(Measure::getDetail)
                .containsExactly(null, "Ａ", "😀");
    }

    @Test
    void aPrefixSortsFirst() {
        assertThat(Canonical.programs(List.of("RUSSIA-UKRAINE", "RUSSIA"))).containsExactly("RUSSIA", "RUSSIA-UKRAINE");
    }

    /** A list already sorted and distinct is copied rather than sorted again: the result must not tell. */
    @Property(tries = 1000)
    void programsAreSortedDistinctCopiesWhetherOrNotAlreadyCanonical(@ForAll("programLists") List<String> programs) {
        List<String> result = Canonical.programs(programs);

        assertThat(result)
                .isEqualTo(programs.stream()
                        .distinct()
                        .sorted(Canonical.TEXT_ORDER)
                        .toList())
                .isNotSameAs(programs);
        result.add("still mutable, and not the input");
        assertThat(programs).doesNotContain("still mutable, and not the input");
    }

    @Property(tries = 1000)
    void measuresAreSortedDistinctCopiesWhetherOrNotAlreadyCanonical(@ForAll("measureLists") List<Measure> measures) {
        List<Measure> result = Canonical.measures(measures);

        assertThat(result)
                .isEqualTo(measures.stream()
                        .distinct()
                        .sorted(Canonical.MEASURE_ORDER)
                        .toList());
        for (int i = 0; i < result.size(); i++) {
            for (Measure given : measures) {
                assertThat(result.get(i)).isNotSameAs(given);
            }
        }
    }

    /** Code units are compared first, for speed; the order must stay that of code points, lone surrogates too. */
    @Property(tries = 3000)
    void textOrderIsCodePointOrder(@ForAll("texts") String a, @ForAll("texts") String b) {
        assertThat(Integer.signum(Canonical.TEXT_ORDER.compare(a, b)))
                .isEqualTo(Integer.signum(
                        Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray())));
    }

    @Provide
    Arbitrary<String> texts() {
        // ASCII, a character above the surrogates, a pair (U+1F600) and its halves alone.
        return Arbitraries.of("A", "a", "\uFF21", "\uD83D\uDE00", "\uD83D", "\uDE00", "\uE000")
                .list()
                .ofMaxSize(4)
                .map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<String>> programLists() {
        Arbitrary<List<String>> any = Arbitraries.of("A", "B", "a", "Ａ", "😀", "RUSSIA", "RUSSIA-UKRAINE")
                .list()
                .ofMaxSize(5)
                .map(ArrayList::new);
        // Half of them canonical already, as stored states' are.
        return Arbitraries.oneOf(
                any,
                any.map(list -> new ArrayList<>(
                        list.stream().distinct().sorted(Canonical.TEXT_ORDER).toList())));
    }

    @Provide
    Arbitrary<List<Measure>> measureLists() {
        Arbitrary<Measure> measure = Arbitraries.of(MeasureType.ASSET_FREEZE, MeasureType.OTHER, MeasureType.TRAVEL_BAN)
                .flatMap(type ->
                        Arbitraries.of("oil", "Ａ", "😀").injectNull(0.4).map(detail -> new Measure(type, detail)));
        Arbitrary<List<Measure>> any = measure.list().ofMaxSize(5).map(ArrayList::new);
        return Arbitraries.oneOf(
                any,
                any.map(list -> new ArrayList<>(
                        list.stream().distinct().sorted(Canonical.MEASURE_ORDER).toList())));
    }
}
