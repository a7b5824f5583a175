package io.exchangepulse.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The time buckets counts are kept in, by the moment an exchange occurred (UTC). */
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

    public Instant bucketOf(Instant instant) {
        return switch (this) {
            case MINUTE -> instant.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> instant.truncatedTo(ChronoUnit.HOURS);
            case DAY -> instant.truncatedTo(ChronoUnit.DAYS);
            case YEAR -> instant.atOffset(ZoneOffset.UTC).withDayOfYear(1).truncatedTo(ChronoUnit.DAYS).toInstant();
        };
    }

    /** The fixed length of a bucket; years differ in length and have none. */
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

    /** The first instant of the partition that holds {@code bucket}. */
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
