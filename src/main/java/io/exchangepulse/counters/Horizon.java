package io.exchangepulse.counters;

import io.exchangepulse.domain.Grain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The live windows ({@link LiveWindow}) at one moment, as first buckets: computed once per moment, then
 * asked for every row. Which rows are live at all is the families' declaration ({@link CounterFamily#live()}).
 */
public record Horizon(long startOfToday, long startOfLastYear, long firstMinute) {

    public static final int MAX_MINUTES = 180;

    public static Horizon at(Instant now) {
        int lastYear = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear() - 1;
        return new Horizon(
                Grain.DAY.bucketOf(now).getEpochSecond(),
                LocalDate.of(lastYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                now.minus(Duration.ofMinutes(MAX_MINUTES + 1)).getEpochSecond());
    }

    /** The first bucket (epoch seconds) inside the window. */
    public long firstBucket(LiveWindow window) {
        return switch (window) {
            case ALL -> Long.MIN_VALUE;
            case SINCE_LAST_YEAR -> startOfLastYear;
            case TODAY -> startOfToday;
            case LAST_MINUTES -> firstMinute;
        };
    }

    /** Whether the row is live: its family keeps its grain live, and its bucket is inside that window. */
    public boolean covers(CounterKey key) {
        LiveWindow window = key.family().liveWindow(key.grain());
        return window != null && key.bucket() >= firstBucket(window);
    }
}
