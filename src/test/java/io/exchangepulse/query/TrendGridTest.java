package io.exchangepulse.query;

import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrendGridTest {

    static final CenterCalendar BUCHAREST = CenterCalendar.of("Europe/Bucharest");

    @Test
    void aGridEndingNowHoldsTheCurrentStepLast() {
        TrendGrid grid = TrendGrid.endingAt(BUCHAREST, Grain.MINUTE, Instant.parse("2026-11-28T09:30:10Z"), 60);

        assertThat(grid.from()).isEqualTo(Instant.parse("2026-11-28T08:31:00Z"));
        assertThat(grid.to()).isEqualTo(Instant.parse("2026-11-28T09:31:00Z"));
        assertThat(grid.indexOf(Instant.parse("2026-11-28T09:30:59Z"))).isEqualTo(59);
    }

    @Test
    void timesOutsideTheGridHaveNoIndex() {
        TrendGrid grid = TrendGrid.between(CenterCalendar.UTC, Grain.DAY, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-04T00:00:00Z"));

        assertThat(grid.length()).isEqualTo(3);
        assertThat(grid.indexOf(Instant.parse("2026-10-31T23:59:59Z"))).isEqualTo(-1);
        assertThat(grid.indexOf(Instant.parse("2026-11-03T23:59:59Z"))).isEqualTo(2);
        assertThat(grid.indexOf(Instant.parse("2026-11-04T00:00:00Z"))).isEqualTo(-1);
        assertThat(grid.at(2)).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
    }

    @Test
    void theDaysOfSummerTimesChangesAreTwentyThreeAndTwentyFiveHoursLong() {
        // Bucharest moves to summer time on 29 March 2026 (03:00 -> 04:00) and back on 25 October (04:00 -> 03:00).
        TrendGrid spring = TrendGrid.endingAt(BUCHAREST, Grain.DAY, Instant.parse("2026-03-30T12:00:00Z"), 3);
        assertThat(spring.from()).isEqualTo(Instant.parse("2026-03-27T22:00:00Z"));
        assertThat(Duration.between(spring.at(1), spring.at(2))).isEqualTo(Duration.ofHours(23));
        assertThat(spring.to()).isEqualTo(Instant.parse("2026-03-30T21:00:00Z"));
        assertThat(spring.indexOf(Instant.parse("2026-03-29T20:59:59Z"))).as("the short day's last second").isEqualTo(1);
        assertThat(spring.indexOf(Instant.parse("2026-03-29T21:00:00Z"))).isEqualTo(2);

        TrendGrid autumn = TrendGrid.between(BUCHAREST, Grain.DAY, Instant.parse("2026-10-24T21:00:00Z"),
                Instant.parse("2026-10-26T22:00:00Z"));
        assertThat(autumn.length()).isEqualTo(2);
        assertThat(Duration.between(autumn.at(0), autumn.at(1))).isEqualTo(Duration.ofHours(25));
        assertThat(autumn.indexOf(Instant.parse("2026-10-25T21:59:59Z"))).as("the long day's last second").isEqualTo(0);

        TrendGrid hours = TrendGrid.between(BUCHAREST, Grain.HOUR, autumn.at(0), autumn.at(1));
        assertThat(hours.length()).as("the long day's hours").isEqualTo(25);
    }

    @Test
    void aHalfHourZonesHoursStartAtHalfPast() {
        TrendGrid grid = TrendGrid.endingAt(CenterCalendar.of("Asia/Kolkata"), Grain.HOUR, Instant.parse("2026-11-28T09:10:00Z"), 2);

        assertThat(grid.from()).isEqualTo(Instant.parse("2026-11-28T07:30:00Z"));
        assertThat(grid.to()).isEqualTo(Instant.parse("2026-11-28T09:30:00Z"));
    }
}
