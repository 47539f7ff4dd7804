package dev.sanctions.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sanctions.avro.Measure;
import dev.sanctions.avro.MeasureType;
import java.util.List;
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
}
