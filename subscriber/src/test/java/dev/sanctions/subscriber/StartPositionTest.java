package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartPositionTest {

    @Test
    void readsTheTwoWordsInAnyCase() {
        assertThat(StartPosition.parse("beginning")).isEqualTo(StartPosition.BEGINNING);
        assertThat(StartPosition.parse(" Latest ")).isEqualTo(StartPosition.LATEST);
        assertThat(StartPosition.parse("BEGINNING")).isInstanceOf(StartPosition.Beginning.class);
    }

    @Test
    void readsAnInstantInUtc() {
        assertThat(StartPosition.parse("2022-04-08T01:00:00Z"))
                .isEqualTo(new StartPosition.AtInstant(Instant.parse("2022-04-08T01:00:00Z")));
    }

    @Test
    void readsAnInstantWithAnOffset() {
        assertThat(StartPosition.parse("2022-04-08T10:00:00+09:00"))
                .isEqualTo(new StartPosition.AtInstant(Instant.parse("2022-04-08T01:00:00Z")));
    }

    @Test
    void readsABareDateAsTheFirstMillisecondOfThatDayInUtcSoTheWholeDayIsRead() {
        assertThat(StartPosition.parse("2022-04-01"))
                .isEqualTo(new StartPosition.AtInstant(Instant.parse("2022-04-01T00:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "earliest", "yesterday", "2022-04-31", "2022-04-08T10:00:00", "1649379600000"})
    void refusesAnythingElseSayingWhatItExpects(String text) {
        assertThatThrownBy(() -> StartPosition.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'beginning', 'latest' or an ISO-8601 instant")
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void printsAsItIsWritten() {
        assertThat(StartPosition.BEGINNING).hasToString("beginning");
        assertThat(StartPosition.LATEST).hasToString("latest");
        assertThat(StartPosition.parse("2022-04-08T10:00:00+09:00")).hasToString("2022-04-08T01:00:00Z");
    }
}
