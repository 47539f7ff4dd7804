package dev.sanctions.bench;

import java.util.Arrays;

/** The arithmetic of the figures: nearest-rank percentiles, rates and ratios. */
final class Statistics {

    private Statistics() {}

    /**
     * The nearest-rank percentile: the smallest value such that at least {@code percent}% of the values are less
     * than or equal to it, i.e. the value at rank {@code ceil(percent / 100 * n)} of the sorted values (rank 1 for
     * percent 0). It is always one of the values measured, never an interpolation between two.
     *
     * @throws IllegalArgumentException when there are no values or {@code percent} is outside 0..100
     */
    static long percentile(long[] values, double percent) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("a percentile is between 0 and 100, got " + percent);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** The largest value. */
    static long max(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take a maximum of");
        }
        return Arrays.stream(values).max().getAsLong();
    }

    /** The median: the middle value, or the mean of the two middle ones for an even count. */
    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take a median of");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** {@code count} events per second over {@code nanos}; NaN when no time passed. */
    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? Double.NaN : count * 1e9 / nanos;
    }

    /** {@code numerator / denominator}; NaN when either is not a positive finite figure. */
    static double ratio(double numerator, double denominator) {
        if (!Double.isFinite(numerator) || !Double.isFinite(denominator) || denominator <= 0 || numerator < 0) {
            return Double.NaN;
        }
        return numerator / denominator;
    }

    /** Nanoseconds as milliseconds. */
    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
