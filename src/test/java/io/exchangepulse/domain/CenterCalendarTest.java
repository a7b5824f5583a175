package io.exchangepulse.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The center's calendar in Bucharest and in a half-hour zone, across midnight, summer time and New Year. */
class CenterCalendarTest {

    static final CenterCalendar BUCHAREST = CenterCalendar.of("Europe/Bucharest");
    /** Half an hour off UTC's hours, with summer time (October to April, +10:30; +09:30 in winter). */
    static final CenterCalendar ADELAIDE = CenterCalendar.of("Australia/Adelaide");

    static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void bucketsAreTheCentersMinutesHoursDaysAndYears() {
        Instant at = at("2026-11-28T09:21:42Z");
        assertThat(BUCHAREST.bucketOf(Grain.MINUTE, at)).isEqualTo(at("2026-11-28T09:21:00Z"));
        assertThat(BUCHAREST.bucketOf(Grain.HOUR, at)).isEqualTo(at("2026-11-28T09:00:00Z"));
        assertThat(BUCHAREST.bucketOf(Grain.DAY, at)).isEqualTo(at("2026-11-27T22:00:00Z"));
        assertThat(BUCHAREST.bucketOf(Grain.YEAR, at)).isEqualTo(at("2025-12-31T22:00:00Z"));

        assertThat(ADELAIDE.bucketOf(Grain.MINUTE, at)).isEqualTo(at("2026-11-28T09:21:00Z"));
        assertThat(ADELAIDE.bucketOf(Grain.HOUR, at)).isEqualTo(at("2026-11-28T08:30:00Z"));
        assertThat(ADELAIDE.bucketOf(Grain.DAY, at)).isEqualTo(at("2026-11-27T13:30:00Z"));
        assertThat(ADELAIDE.bucketOf(Grain.YEAR, at)).isEqualTo(at("2025-12-31T13:30:00Z"));

        assertThat(CenterCalendar.UTC.bucketOf(Grain.DAY, at)).isEqualTo(at("2026-11-28T00:00:00Z"));
    }

    @Test
    void midnightIsTheCentersMidnight() {
        assertThat(BUCHAREST.dayOf(at("2026-11-28T21:59:59Z"))).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(BUCHAREST.dayOf(at("2026-11-28T22:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(ADELAIDE.dayOf(at("2026-11-28T13:29:59Z"))).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(ADELAIDE.dayOf(at("2026-11-28T13:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 29));
    }

    @Test
    void theDaysSummerTimeChangesOnAreTwentyThreeAndTwentyFiveHours() {
        Instant spring = BUCHAREST.startOf(LocalDate.of(2026, 3, 29));
        assertThat(Duration.between(spring, BUCHAREST.next(Grain.DAY, spring))).isEqualTo(Duration.ofHours(23));
        Instant autumn = BUCHAREST.startOf(LocalDate.of(2026, 10, 25));
        assertThat(Duration.between(autumn, BUCHAREST.next(Grain.DAY, autumn))).isEqualTo(Duration.ofHours(25));
        assertThat(BUCHAREST.previous(Grain.DAY, BUCHAREST.next(Grain.DAY, autumn))).isEqualTo(autumn);
        // The hour repeated at the end of summer time is two buckets, an hour apart.
        assertThat(BUCHAREST.bucketOf(Grain.HOUR, at("2026-10-25T00:30:00Z"))).isEqualTo(at("2026-10-25T00:00:00Z"));
        assertThat(BUCHAREST.bucketOf(Grain.HOUR, at("2026-10-25T01:30:00Z"))).isEqualTo(at("2026-10-25T01:00:00Z"));

        // Adelaide's summer begins on 4 October 2026 (02:00 -> 03:00) and ends on 5 April 2026 (03:00 -> 02:00).
        Instant adelaideSpring = ADELAIDE.startOf(LocalDate.of(2026, 10, 4));
        assertThat(Duration.between(adelaideSpring, ADELAIDE.next(Grain.DAY, adelaideSpring))).isEqualTo(Duration.ofHours(23));
        Instant adelaideAutumn = ADELAIDE.startOf(LocalDate.of(2026, 4, 5));
        assertThat(Duration.between(adelaideAutumn, ADELAIDE.next(Grain.DAY, adelaideAutumn))).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void newYearIsTheCentersNewYear() {
        assertThat(BUCHAREST.yearOf(at("2026-12-31T21:59:59Z"))).isEqualTo(2026);
        assertThat(BUCHAREST.yearOf(at("2026-12-31T22:00:00Z"))).isEqualTo(2027);
        assertThat(BUCHAREST.next(Grain.YEAR, BUCHAREST.startOfYear(2026))).isEqualTo(at("2026-12-31T22:00:00Z"));
        assertThat(ADELAIDE.yearOf(at("2026-12-31T13:29:59Z"))).isEqualTo(2026);
        assertThat(ADELAIDE.yearOf(at("2026-12-31T13:30:00Z"))).isEqualTo(2027);
    }

    @Test
    void aZoneMustBeAnIanaRegionNotAFixedOffset() {
        assertThat(CenterCalendar.of("Asia/Kolkata").zone().getId()).isEqualTo("Asia/Kolkata");
        assertThat(CenterCalendar.of("UTC").zone().getId()).isEqualTo("UTC");
        assertThatThrownBy(() -> CenterCalendar.of("+02:00")).hasMessageContaining("a fixed offset");
        assertThatThrownBy(() -> CenterCalendar.of("UTC+2")).hasMessageContaining("a fixed offset");
        assertThatThrownBy(() -> CenterCalendar.of("Europe/Atlantis")).hasMessageContaining("not a time zone");
        assertThatThrownBy(() -> CenterCalendar.of("x'; DROP TABLE")).hasMessageContaining("not a time zone");
    }
}
