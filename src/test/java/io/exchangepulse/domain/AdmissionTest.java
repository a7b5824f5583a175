package io.exchangepulse.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When an exchange may still be counted, judged against the moment it arrived. */
class AdmissionTest {

    static final Admission WEEK = new Admission(Duration.ofDays(7), CenterCalendar.of("Europe/Bucharest"));
    static final Instant ARRIVAL = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void anExchangeFromTheLastWeekOfTheSameYearIsAdmitted() {
        assertThat(WEEK.judge(ARRIVAL, ARRIVAL)).isEmpty();
        assertThat(WEEK.judge(ARRIVAL.minus(Duration.ofDays(7)), ARRIVAL)).isEmpty();
        assertThat(WEEK.judge(ARRIVAL.plus(Duration.ofMinutes(5)), ARRIVAL)).isEmpty();
    }

    @Test
    void moreThanFiveMinutesAheadOfItsArrivalIsRefused() {
        assertThat(WEEK.judge(ARRIVAL.plus(Duration.ofMinutes(5)).plusSeconds(1), ARRIVAL))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("more than 5 minutes ahead"));
    }

    @Test
    void moreThanTheLatenessBehindItsArrivalIsRefused() {
        assertThat(WEEK.judge(ARRIVAL.minus(Duration.ofDays(7)).minusSeconds(1), ARRIVAL))
                .hasValueSatisfying(v -> {
                    assertThat(v.field()).isEqualTo("occurredAt");
                    assertThat(v.message()).contains("more than 7 days before");
                });
    }

    @Test
    void anExchangeIsAdmittedFromFiveMinutesBeforeItOccurredToTheLatenessAfter() {
        Instant occurred = Instant.parse("2026-11-29T00:03:00Z");
        assertThat(WEEK.judge(occurred, Instant.parse("2026-11-28T23:58:00Z"))).isEmpty();
        assertThat(WEEK.judge(occurred, Instant.parse("2026-12-06T00:03:00Z"))).isEmpty();
        assertThat(WEEK.judge(occurred, Instant.parse("2026-12-06T00:03:01Z"))).isPresent();
    }

    @Test
    void aClosedYearIsRefusedHoweverRecent() {
        // New Year in Bucharest is 22:00 UTC on 31 December.
        Instant newYear = Instant.parse("2026-12-31T22:00:30Z");

        assertThat(WEEK.judge(Instant.parse("2026-12-31T21:59:59Z"), newYear))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("2026, a closed year"));
        assertThat(WEEK.judge(Instant.parse("2026-12-31T22:00:00Z"), newYear)).as("the center's new year").isEmpty();
        assertThat(WEEK.judge(Instant.parse("2026-12-31T21:59:59Z"), Instant.parse("2026-12-31T21:59:59.999Z")))
                .as("the old year until its last instant").isEmpty();
        assertThat(WEEK.judge(Instant.parse("2008-05-01T00:00:00Z"), ARRIVAL))
                .hasValueSatisfying(v -> assertThat(v.message()).contains("2008, a closed year"));
        assertThat(WEEK.judge(Instant.parse("-5000-01-01T00:00:00Z"), ARRIVAL)).isPresent();
    }

    @Test
    void theWindowIsBounded() {
        assertThatThrownBy(() -> new Admission(Duration.ofDays(400), CenterCalendar.UTC)).hasMessageContaining("between 0 and 366 days");
    }
}
