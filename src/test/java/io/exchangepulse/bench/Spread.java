package io.exchangepulse.bench;

import java.util.List;

/** One figure over the runs: the median, and the lowest and highest run, so a reader sees how much it moves. */
record Spread(double median, double min, double max, int runs) {

    static Spread of(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[n - 1], n);
    }

    /** "12,300 (11,900-12,800)" with the given format for each number. */
    String format(String number) {
        if (runs == 0) {
            return "-";
        }
        String median = String.format(number, this.median);
        return runs == 1 || min == max ? median : median + " (" + String.format(number, min) + "-" + String.format(number, max) + ")";
    }
}
