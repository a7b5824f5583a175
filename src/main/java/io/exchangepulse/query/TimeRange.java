package io.exchangepulse.query;

import io.exchangepulse.platform.Problem;
import io.exchangepulse.platform.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses the time parameters of the queries, answering 400 with the parameter's name when one is wrong. */
final class TimeRange {

    private TimeRange() {
    }

    static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest(name + " must be an ISO-8601 instant such as 2026-11-28T09:00:00Z, not '" + value + "'");
        }
    }

    static Duration duration(String name, String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest(name + " must be an ISO-8601 duration such as PT1M, PT1H or P1D, not '" + value + "'");
        }
    }

    static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of("invalid-query", "Invalid query", 400, detail));
    }
}
