package io.exchangepulse.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The time buckets counts are kept in, by the moment an exchange occurred; where a bucket starts is the
 * center's calendar's to say ({@link CenterCalendar#bucketOf}), since days and years follow its time zone.
 */
public enum Grain {
    MINUTE(Duration.ofMinutes(1), ChronoUnit.DAYS),
    HOUR(Duration.ofHours(1), ChronoUnit.MONTHS),
    DAY(Duration.ofDays(1), ChronoUnit.YEARS),
    YEAR(null, ChronoUnit.YEARS);

    private final Duration step;
    private final ChronoUnit partitionSpan;

    Grain(Duration step, ChronoUnit partitionSpan) {
        this.step = step;
        this.partitionSpan = partitionSpan;
    }

    /**
     * The nominal length of a bucket, which names the grain in queries (PT1M, PT1H, P1D); a center day is
     * 23 or 25 hours on the days summer time changes, and years differ in length and have none.
     */
    public Optional<Duration> step() {
        return Optional.ofNullable(step);
    }

    /**
     * How much of the grain one partition of a counter table holds: a day of minutes, a month of hours, a
     * year of days or years. Retention drops whole partitions, so this is also how finely it drops.
     */
    public ChronoUnit partitionSpan() {
        return partitionSpan;
    }

    /**
     * The first instant of the partition that holds {@code bucket}. Partitions are storage, not calendar: they
     * are UTC spans whatever the center's zone, and a center day may start in the partition of the day before.
     */
    public Instant partitionOf(Instant bucket) {
        LocalDateTime day = LocalDateTime.ofInstant(bucket, ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        LocalDateTime start = switch (partitionSpan) {
            case DAYS -> day;
            case MONTHS -> day.withDayOfMonth(1);
            default -> day.withDayOfYear(1);
        };
        return start.toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the partition that starts at {@code start}. */
    public Instant partitionAfter(Instant start) {
        return LocalDateTime.ofInstant(start, ZoneOffset.UTC).plus(1, partitionSpan).toInstant(ZoneOffset.UTC);
    }

    /** The grain whose buckets are {@code step} long, for trend queries. */
    public static Optional<Grain> ofStep(Duration step) {
        for (Grain grain : values()) {
            if (step.equals(grain.step)) {
                return Optional.of(grain);
            }
        }
        return Optional.empty();
    }
}
