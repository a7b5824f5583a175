package io.exchangepulse.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The time buckets counts are kept in, by the moment an exchange occurred (UTC). */
public enum Grain {
    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1)),
    YEAR(null);

    private final Duration step;

    Grain(Duration step) {
        this.step = step;
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
