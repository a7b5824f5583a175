package io.exchangepulse.aggregate;

import io.exchangepulse.domain.Grain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which counter rows a delta carries, and the live views keep: what the dashboards can show, no more.
 * Years (for the yearly and crime-area tables), days since the start of last year (today against the same
 * day last year, and the day trends), the last minutes of task-force activity, and today's flows. A batch
 * of backfilled history then still makes a small delta.
 */
public record DeltaWindow(long startOfToday, long firstDayKept, long firstMinuteKept) {

    public static final int MAX_MINUTES = 180;
    public static final int MAX_DAYS = 90;

    /** The window at {@code now}: computed once, then asked for every row. */
    public static DeltaWindow at(Instant now) {
        int lastYear = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear() - 1;
        return new DeltaWindow(
                Grain.DAY.bucketOf(now).getEpochSecond(),
                LocalDate.of(lastYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                now.minus(Duration.ofMinutes(MAX_MINUTES + 1)).getEpochSecond());
    }

    public boolean keeps(CounterFamily family, Grain grain, long bucket) {
        return switch (grain) {
            case YEAR -> family != CounterFamily.FLOW;
            case DAY -> family == CounterFamily.FLOW
                    ? bucket >= startOfToday
                    : family != CounterFamily.CRIME_AREA_KIND && bucket >= firstDayKept;
            case MINUTE -> family == CounterFamily.TASK_FORCE && bucket >= firstMinuteKept;
            case HOUR -> false;
        };
    }
}
