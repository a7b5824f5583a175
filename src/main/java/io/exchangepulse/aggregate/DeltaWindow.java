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
public final class DeltaWindow {

    public static final int MAX_MINUTES = 180;
    public static final int MAX_DAYS = 90;

    private DeltaWindow() {
    }

    public static boolean keeps(CounterFamily family, Grain grain, long bucket, Instant now) {
        return switch (grain) {
            case YEAR -> family != CounterFamily.FLOW;
            case DAY -> family == CounterFamily.FLOW
                    ? bucket >= startOfToday(now)
                    : family != CounterFamily.CRIME_AREA_KIND && bucket >= firstDayKept(now);
            case MINUTE -> family == CounterFamily.TASK_FORCE
                    && bucket >= now.minus(Duration.ofMinutes(MAX_MINUTES + 1)).getEpochSecond();
            case HOUR -> false;
        };
    }

    public static long startOfToday(Instant now) {
        return Grain.DAY.bucketOf(now).getEpochSecond();
    }

    /** The first of January of last year. */
    public static long firstDayKept(Instant now) {
        int lastYear = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear() - 1;
        return LocalDate.of(lastYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
