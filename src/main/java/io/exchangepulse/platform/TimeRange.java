package io.exchangepulse.platform;

import io.exchangepulse.domain.Abbreviated;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses the time parameters of the queries (the counters' and the audit trail's), answering 400 with the parameter's name when one is wrong or
 * outside what the counters can hold.
 */
public final class TimeRange {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private TimeRange() {
    }

    public static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidQuery(name + " must be an ISO-8601 instant such as 2026-11-28T09:00:00Z, not '"
                    + Abbreviated.of(value, 40) + "'");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw ProblemException.invalidQuery(name + " must be from " + EARLIEST + " to before " + LATEST + ", not " + instant);
        }
        return instant;
    }

    public static Duration duration(String name, String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidQuery(name + " must be an ISO-8601 duration such as PT1M, PT1H or P1D, not '" + Abbreviated.of(value, 40) + "'");
        }
    }

    /** A year a query may ask for: from 1900 to 2199, as the instants are bounded. */
    public static int year(int year) {
        if (year < 1900 || year > 2199) {
            throw ProblemException.invalidQuery("year must be from 1900 to 2199, not " + year);
        }
        return year;
    }

}
