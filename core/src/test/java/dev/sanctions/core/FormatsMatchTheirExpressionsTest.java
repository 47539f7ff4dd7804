package dev.sanctions.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The formats are matched character by character for speed; the regular expressions that docs/announcement-format.md
 * gives are the oracle here, on strings made mostly of the characters at their edges.
 */
class FormatsMatchTheirExpressionsTest {

    private static final Pattern LIST_ID = Pattern.compile("[A-Z0-9-]{1,32}");
    private static final Pattern ANNOUNCEMENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final Pattern AUTHORITY = Pattern.compile("[A-Z][A-Z0-9-]{1,31}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(?:-\\d{2}(?:-\\d{2})?)?");

    @Property(tries = 3000)
    void listIds(@ForAll("texts") String text) {
        assertThat(Formats.isListId(text)).isEqualTo(LIST_ID.matcher(text).matches());
    }

    @Property(tries = 3000)
    void announcementIds(@ForAll("texts") String text) {
        assertThat(Formats.isAnnouncementId(text))
                .isEqualTo(ANNOUNCEMENT_ID.matcher(text).matches());
    }

    @Property(tries = 3000)
    void authorities(@ForAll("texts") String text) {
        assertThat(Formats.isAuthority(text)).isEqualTo(AUTHORITY.matcher(text).matches());
    }

    /** The expression gives the shape; a real month and day are then required. */
    @Property(tries = 3000)
    void partialDatesHaveTheShapeOfTheirExpression(@ForAll("dates") String text) {
        if (Formats.isFullOrPartialDate(text)) {
            assertThat(text).matches(PARTIAL_DATE);
        }
    }

    @Property(tries = 3000)
    void aFullDateIsADateOrInstantExactlyWhenJavaParsesIt(@ForAll("dates") String text) {
        boolean parses;
        try {
            LocalDate.parse(text);
            parses = true;
        } catch (DateTimeParseException e) {
            parses = false;
        }
        assertThat(Formats.isDateOrInstant(text)).isEqualTo(parses);
    }

    @Example
    void theEdgesOfEachFormat() {
        assertThat(Formats.isListId("A".repeat(32))).isTrue();
        assertThat(Formats.isListId("A".repeat(33))).isFalse();
        assertThat(Formats.isAnnouncementId("a".repeat(200))).isTrue();
        assertThat(Formats.isAnnouncementId("a".repeat(201))).isFalse();
        assertThat(Formats.isAuthority("A" + "B".repeat(31))).isTrue();
        assertThat(Formats.isAuthority("A" + "B".repeat(32))).isFalse();
        assertThat(Formats.isAuthority("A")).isFalse();
        assertThat(Formats.isFullOrPartialDate("2024-02-29")).isTrue();
        assertThat(Formats.isFullOrPartialDate("2023-02-29")).isFalse();
        assertThat(Formats.isFullOrPartialDate("2023-13")).isFalse();
        assertThat(Formats.isFullOrPartialDate("２０２３")).isFalse();
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> edgy = Arbitraries.strings()
                .withChars("AZaz09-._:/@[`{ \u00c0\u0660")
                .ofMinLength(0)
                .ofMaxLength(40);
        Arbitrary<String> longOnes =
                Arbitraries.strings().withChars("Aa0-._:").ofMinLength(190).ofMaxLength(210);
        return Arbitraries.frequencyOf(Tuple.of(8, edgy), Tuple.of(1, longOnes));
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> shaped = Arbitraries.of("yyyy", "yyyy-mm", "yyyy-mm-dd")
                .map(shape ->
                        shape.replace("yyyy", "%04d").replace("mm", "%02d").replace("dd", "%02d"))
                .flatMap(format -> Arbitraries.integers()
                        .between(0, 9999)
                        .list()
                        .ofSize(3)
                        .map(n -> String.format(format, n.get(0), n.get(1) % 14, n.get(2) % 33)));
        Arbitrary<String> noise = Arbitraries.strings()
                .withChars("0123456789-/ T\u0660")
                .ofMinLength(0)
                .ofMaxLength(12);
        return Arbitraries.oneOf(shaped, noise);
    }
}
