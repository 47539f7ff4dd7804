package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The usage line of --help: wrapped between words, never inside HOST:PORT or a|b|c. */
class SynopsisTest {

    /** After "Usage: sanctions access add-publisher ". */
    private static final String UNDER_THE_FIRST_OPTION = " ".repeat(38);

    @Test
    void wrapsBetweenWordsUnderTheFirstOption() {
        String wrapped = Synopsis.wrap(
                "sanctions access add-publisher [-hV] [--verbose] [--bootstrap-servers=HOST:PORT]"
                        + " [--command-config=FILE] [--from=beginning|latest|INSTANT] NAME",
                "sanctions access add-publisher",
                "Usage: ".length(),
                80);

        assertThat(wrapped.lines())
                .containsExactly(
                        "sanctions access add-publisher [-hV] [--verbose]",
                        UNDER_THE_FIRST_OPTION + "[--bootstrap-servers=HOST:PORT]",
                        UNDER_THE_FIRST_OPTION + "[--command-config=FILE]",
                        UNDER_THE_FIRST_OPTION + "[--from=beginning|latest|INSTANT] NAME");
    }

    @Test
    void aWordLongerThanTheLineIsNeverCut() {
        String wrapped = Synopsis.wrap("sanctions x [--a-very-long-option=VALUE] [-h]", "sanctions x", 7, 20);

        assertThat(wrapped.lines())
                .containsExactly("sanctions x [--a-very-long-option=VALUE]", " ".repeat(19) + "[-h]");
    }
}
