package dev.sanctions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedTest {
    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Counted.of(1, "action")).isEqualTo("1 action");
        assertThat(Counted.of(0, "action")).isEqualTo("0 actions");
        assertThat(Counted.of(25, "announcement")).isEqualTo("25 announcements");
    }
}
