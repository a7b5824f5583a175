package io.exchangepulse.counters;

import io.exchangepulse.domain.Grain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How far back the live views can look at one moment: every year; days since the start of last year
 * (today against the same day last year, the day trends); the last {@value #MAX_MINUTES} minutes and one
 * more (the minute trends). Each view keeps what it reads inside it ({@link LiveRows}); a batch of
 * backfilled history then still makes a small delta. Computed once per moment, then asked for every row.
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

    /** Whether a row of this grain and bucket is recent enough for any live view. */
    public boolean covers(Grain grain, long bucket) {
        return switch (grain) {
            case YEAR -> true;
            case DAY -> bucket >= startOfLastYear;
            case MINUTE -> bucket >= firstMinute;
            case HOUR -> false;
        };
    }
}
