package dev.sanctions.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StopConditionTest {

    @Test
    void neverStopsOnItsOwn() {
        StopCondition never = StopCondition.never();
        assertThat(never.maxIdle()).isEmpty();
        assertThat(never.limitReached(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void aLimitIsReachedAtExactlyThatManyNotifications() {
        StopCondition three = StopCondition.never().withLimit(3);
        assertThat(three.limitReached(2)).isFalse();
        assertThat(three.limitReached(3)).isTrue();
    }

    @Test
    void combinesIdleTimeAndLimit() {
        StopCondition both =
                StopCondition.never().withMaxIdle(Duration.ofSeconds(5)).withLimit(10);
        assertThat(both.maxIdle()).contains(Duration.ofSeconds(5));
        assertThat(both.limit()).hasValue(10);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> StopCondition.never().withLimit(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> StopCondition.never().withMaxIdle(Duration.ZERO))
                .hasMessageContaining("positive");
    }
}
