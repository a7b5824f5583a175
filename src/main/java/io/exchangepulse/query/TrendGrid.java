package io.exchangepulse.query;

import io.exchangepulse.domain.Grain;

import java.time.Duration;
import java.time.Instant;

/**
 * The steps of a trend: {@code length} steps of {@code step} from {@code from}. The one place where a
 * time becomes an index of a trend's counts and back, for the trend query and the live trends alike.
 */
public record TrendGrid(Instant from, Duration step, int length) {

    /** The {@code steps} steps of {@code grain} that end with the one holding {@code now}. */
    public static TrendGrid endingAt(Grain grain, Instant now, int steps) {
        Duration step = grain.step().orElseThrow();
        Instant to = grain.bucketOf(now).plus(step);
        return new TrendGrid(to.minus(step.multipliedBy(steps)), step, steps);
    }

    /** From {@code from} to {@code to} (exclusive), both aligned to the step. */
    public static TrendGrid between(Instant from, Instant to, Duration step) {
        return new TrendGrid(from, step, (int) (Duration.between(from, to).toMillis() / step.toMillis()));
    }

    public Instant to() {
        return at(length);
    }

    /** The start of step {@code index}. */
    public Instant at(int index) {
        return from.plus(step.multipliedBy(index));
    }

    /** The step that holds {@code t}, or -1 when the grid does not reach it. */
    public int indexOf(Instant t) {
        if (t.isBefore(from)) {
            return -1;
        }
        long index = Duration.between(from, t).toMillis() / step.toMillis();
        return index < length ? (int) index : -1;
    }

    public int indexOf(long epochSecond) {
        return indexOf(Instant.ofEpochSecond(epochSecond));
    }
}
