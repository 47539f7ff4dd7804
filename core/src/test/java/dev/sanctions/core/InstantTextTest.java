package dev.sanctions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {

    @Test
    void readsAnInstantInUtcOrWithAnOffset() {
        assertThat(InstantText.asOf("2022-04-08T01:00:00Z")).isEqualTo(Instant.parse("2022-04-08T01:00:00Z"));
        assertThat(InstantText.asOf(" 2022-04-08T10:00:00+09:00 ")).isEqualTo(Instant.parse("2022-04-08T01:00:00Z"));
        assertThat(InstantText.from("2022-04-08T10:00:00+09:00")).isEqualTo(Instant.parse("2022-04-08T01:00:00Z"));
    }

    @Test
    void aBareDateAsOfIsTheLastMillisecondOfThatDayInUtc() {
        assertThat(InstantText.asOf("2022-03-01")).isEqualTo(Instant.parse("2022-03-01T23:59:59.999Z"));
        assertThat(InstantText.asOf("2024-02-29")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
    }

    @Test
    void aBareDateToReadFromIsTheFirstMillisecondOfThatDayInUtc() {
        assertThat(InstantText.from("2022-03-01")).isEqualTo(Instant.parse("2022-03-01T00:00:00Z"));
        assertThat(InstantText.from("2024-02-29")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2022-02-30", "2022-04-08T10:00:00", "1649379600000", "08/04/2022"})
    void refusesAnythingElseSayingWhatToWrite(String text) {
        assertThatThrownBy(() -> InstantText.asOf(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not an instant; write e.g. " + InstantText.EXAMPLES);
        assertThatThrownBy(() -> InstantText.from(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not an instant; write e.g. " + InstantText.EXAMPLES);
    }
}
