package io.exchangepulse.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The center's calendar: the time zone its days, months and years are in, and the counters' buckets in it.
 * A bucket is the instant its period starts, so a day in summer time's change is 23 or 25 hours long, and a
 * half-hour zone's hours start at half past in UTC. Minutes are the same instants in every zone of today's
 * rules (whole-minute offsets), and are truncated without the zone's rules: they are the most frequent bucket.
 */
public record CenterCalendar(ZoneId zone) {

    public static final CenterCalendar UTC = new CenterCalendar(ZoneOffset.UTC);

    public CenterCalendar {
        if (zone == null) {
            throw new IllegalArgumentException("a center calendar needs a time zone");
        }
    }

    /**
     * The calendar of an IANA zone's name, such as {@code Europe/Bucharest}. Fixed offsets ({@code +02:00},
     * {@code UTC+2}) are refused: they ignore summer time, and PostgreSQL reads their sign the other way round.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static CenterCalendar of(String name) {
        ZoneId zone;
        try {
            zone = ZoneId.of(name);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + Abbreviated.of(name, 40) + "' is not a time zone; name an IANA zone such as Europe/Bucharest");
        }
        if (zone instanceof ZoneOffset || zone.getId().matches("(?i)(UTC|GMT|UT)[+-].*")) {
            throw new IllegalArgumentException("'" + name + "' is a fixed offset; name an IANA zone such as Europe/Bucharest, whose "
                    + "rules know summer time");
        }
        return new CenterCalendar(zone);
    }

    /** The first instant of the bucket of {@code grain} that holds {@code instant}. */
    public Instant bucketOf(Grain grain, Instant instant) {
        return switch (grain) {
            case MINUTE -> instant.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> instant.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> startOf(dayOf(instant));
            case YEAR -> startOfYear(yearOf(instant));
        };
    }

    /** The first instant of the bucket after the one that starts at {@code bucket}. */
    public Instant next(Grain grain, Instant bucket) {
        return switch (grain) {
            case MINUTE -> bucket.plus(1, ChronoUnit.MINUTES);
            case HOUR -> bucket.plus(1, ChronoUnit.HOURS);
            case DAY -> startOf(dayOf(bucket).plusDays(1));
            case YEAR -> startOfYear(yearOf(bucket) + 1);
        };
    }

    /** The first instant of the bucket before the one that starts at {@code bucket}. */
    public Instant previous(Grain grain, Instant bucket) {
        return switch (grain) {
            case MINUTE -> bucket.minus(1, ChronoUnit.MINUTES);
            case HOUR -> bucket.minus(1, ChronoUnit.HOURS);
            case DAY -> startOf(dayOf(bucket).minusDays(1));
            case YEAR -> startOfYear(yearOf(bucket) - 1);
        };
    }

    /** The center's date at {@code instant}. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The center's year at {@code instant}. */
    public int yearOf(Instant instant) {
        return dayOf(instant).getYear();
    }

    /** The instant the center's {@code day} starts (not always midnight: some zones skip it for summer time). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public Instant startOfYear(int year) {
        return startOf(LocalDate.of(year, 1, 1));
    }
}
