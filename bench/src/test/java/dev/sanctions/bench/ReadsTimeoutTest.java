package dev.sanctions.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadsTimeoutTest {

    @Test
    void aFewRunsGetTheFloorAndMoreRunsMoreTime() {
        assertThat(Benchmark.readsTimeout(1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Benchmark.readsTimeout(3)).isEqualTo(Duration.ofMinutes(20));
        assertThat(Benchmark.readsTimeout(10)).isEqualTo(Duration.ofMinutes(55));
    }
}
