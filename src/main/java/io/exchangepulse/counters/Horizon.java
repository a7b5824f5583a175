package io.exchangepulse.counters;

import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;

import java.time.Duration;
import java.time.Instant;

/**
 * The live windows ({@link LiveWindow}) at one moment, as first buckets: computed once per moment, then
 * asked for every row. Which rows are live at all is the families' declaration ({@link CounterFamily#live()}).
 */
public record Horizon(long startOfToday, long startOfLastYear, long firstMinute) {

    public static final int MAX_MINUTES = 180;

    /** The windows at {@code now}, today and the years being the center's. */
    public static Horizon at(Instant now, CenterCalendar calendar) {
        return new Horizon(
                calendar.bucketOf(Grain.DAY, now).getEpochSecond(),
                calendar.startOfYear(calendar.yearOf(now) - 1).getEpochSecond(),
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
