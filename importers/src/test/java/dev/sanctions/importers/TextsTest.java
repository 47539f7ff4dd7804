package dev.sanctions.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TextsTest {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** What clean did before it skipped texts with nothing to clean: the rule itself. */
    private static String byTheRule(String text) {
        String cleaned = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    @Test
    void layoutBecomesOneSpaceAndBlankBecomesNull() {
        assertThat(Texts.clean("Ahmed el Tilemsi")).isEqualTo("Ahmed el Tilemsi");
        assertThat(Texts.clean("  Ahmed\n\t   el  Tilemsi\r\n")).isEqualTo("Ahmed el Tilemsi");
        assertThat(Texts.clean("a\u000Bb\fc")).isEqualTo("a b c");
        assertThat(Texts.clean("a\u2003b")).isEqualTo("a\u2003b");
        assertThat(Texts.clean("\u2003a b\u2003")).isEqualTo("a b");
        assertThat(Texts.clean(" \n ")).isNull();
        assertThat(Texts.clean("")).isNull();
        assertThat(Texts.clean(null)).isNull();
    }

    @Property(tries = 2_000)
    void cleansAsTheRuleSays(@ForAll("texts") String text) {
        assertThat(Texts.clean(text)).isEqualTo(byTheRule(text));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings()
                .withChars(' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u2003', '\u001C', 'a', 'b', '-')
                .ofMaxLength(8);
    }
}
