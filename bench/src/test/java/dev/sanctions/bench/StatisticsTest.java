package dev.sanctions.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void nearestRankPercentilesAreValuesOfTheSample() {
        long[] values = {15, 20, 35, 40, 50};

        assertThat(Statistics.percentile(values, 0)).isEqualTo(15);
        assertThat(Statistics.percentile(values, 5)).isEqualTo(15);
        assertThat(Statistics.percentile(values, 30)).isEqualTo(20);
        assertThat(Statistics.percentile(values, 40)).isEqualTo(20);
        assertThat(Statistics.percentile(values, 50)).isEqualTo(35);
        assertThat(Statistics.percentile(values, 100)).isEqualTo(50);
    }

    @Test
    void percentileDoesNotDependOnInputOrderNorChangeTheInput() {
        long[] values = {50, 15, 40, 20, 35};

        assertThat(Statistics.percentile(values, 50)).isEqualTo(35);
        assertThat(values).containsExactly(50, 15, 40, 20, 35);
    }

    @Test
    void p99OfAThousandValuesIsThe990th() {
        long[] values = new long[1000];
        for (int i = 0; i < values.length; i++) {
            values[values.length - 1 - i] = i + 1;
        }

        assertThat(Statistics.percentile(values, 99)).isEqualTo(990);
        assertThat(Statistics.percentile(values, 50)).isEqualTo(500);
        assertThat(Statistics.max(values)).isEqualTo(1000);
    }

    @Test
    void percentileRejectsNoValuesAndPercentsOutOfRange() {
        assertThatThrownBy(() -> Statistics.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistics.percentile(new long[] {1}, 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistics.percentile(new long[] {1}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Statistics.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Statistics.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void ratesAndRatios() {
        assertThat(Statistics.perSecond(5_000, 2_000_000_000L)).isEqualTo(2_500);
        assertThat(Statistics.perSecond(5, 0)).isNaN();
        assertThat(Statistics.ratio(25, 100)).isEqualTo(0.25);
        assertThat(Statistics.ratio(1, 0)).isNaN();
        assertThat(Statistics.ratio(Double.NaN, 2)).isNaN();
        assertThat(Statistics.millis(1_500_000)).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void spreadReportsMedianMinAndMaxInRunOrder() {
        Spread spread = Spread.of(120, 100, 150);

        assertThat(spread.median()).isEqualTo(120);
        assertThat(spread.min()).isEqualTo(100);
        assertThat(spread.max()).isEqualTo(150);
        assertThat(spread.runs()).containsExactly(120.0, 100.0, 150.0);
    }
}
