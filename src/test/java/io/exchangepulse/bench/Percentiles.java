package io.exchangepulse.bench;

import java.util.Arrays;

/** Latency samples in microseconds, and their percentiles in milliseconds. */
final class Percentiles {

    private long[] samples = new long[1 << 16];
    private int size;

    synchronized void add(long micros) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = micros;
    }

    synchronized double millis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        return sorted[Math.min(size - 1, (int) Math.ceil(percentile / 100 * size) - 1)] / 1000.0;
    }
}
