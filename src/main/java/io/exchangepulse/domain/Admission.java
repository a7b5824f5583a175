package io.exchangepulse.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an exchange may still be counted, judged against the moment it arrived (the time it was appended to
 * the log, so that a consumer counting late judges as the ingest did): at most {@link #MAX_FUTURE} ahead of
 * it, at most {@code lateness} behind it, and never in a closed year: the center's years before the arrival's are
 * history (the seed's, or an archive an administrator loads), and live traffic never changes them.
 */
public record Admission(Duration lateness, CenterCalendar calendar) {

    /** Clocks drift; an exchange further ahead than this is a client bug, not a clock skew. */
    public static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    public Admission {
        if (lateness.isNegative() || lateness.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("the lateness window must be between 0 and 366 days, not " + lateness);
        }
    }

    /** The rule {@code occurredAt} breaks for an exchange that arrived at {@code arrival}, if any. */
    public Optional<Violation> judge(Instant occurredAt, Instant arrival) {
        if (occurredAt.isAfter(arrival.plus(MAX_FUTURE))) {
            return violation("is more than 5 minutes ahead of the time it arrived (" + arrival + ")");
        }
        int year = calendar.yearOf(occurredAt);
        if (year < calendar.yearOf(arrival)) {
            return violation("is in " + year + ", a closed year: its counts are history, which only an administrator's "
                    + "archive import changes");
        }
        if (occurredAt.isBefore(arrival.minus(lateness))) {
            return violation("is more than " + lateness.toDays() + " days before the time it arrived (" + arrival
                    + "); an exchange is counted only while it is at most that late");
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(String message) {
        return Optional.of(new Violation("occurredAt", message));
    }
}
