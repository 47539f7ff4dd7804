package dev.sanctions.bench;

import java.util.List;

/**
 * The figures of repeated runs of one measurement, in run order; the benchmark reports their median and shows
 * the minimum and maximum beside it.
 */
public record Spread(List<Double> runs) {

    public Spread {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one run");
        }
    }

    public static Spread of(double... values) {
        return new Spread(java.util.Arrays.stream(values).boxed().toList());
    }

    public double median() {
        return Statistics.median(values());
    }

    public double min() {
        return runs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    public double max() {
        return runs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private double[] values() {
        return runs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
