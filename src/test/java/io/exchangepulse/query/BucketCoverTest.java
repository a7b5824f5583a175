package io.exchangepulse.query;

import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BucketCoverTest {

    static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void usesDaysInTheMiddleHoursBesideThemAndMinutesAtTheEdges() {
        assertThat(BucketCover.of(CenterCalendar.UTC, at("2026-11-25T22:58:00Z"), at("2026-11-28T01:02:00Z"))).containsExactly(
                new BucketCover.Segment(Grain.MINUTE, at("2026-11-25T22:58:00Z"), at("2026-11-25T23:00:00Z")),
                new BucketCover.Segment(Grain.HOUR, at("2026-11-25T23:00:00Z"), at("2026-11-26T00:00:00Z")),
                new BucketCover.Segment(Grain.DAY, at("2026-11-26T00:00:00Z"), at("2026-11-28T00:00:00Z")),
                new BucketCover.Segment(Grain.HOUR, at("2026-11-28T00:00:00Z"), at("2026-11-28T01:00:00Z")),
                new BucketCover.Segment(Grain.MINUTE, at("2026-11-28T01:00:00Z"), at("2026-11-28T01:02:00Z")));
    }

    @Test
    void aShortRangeIsMinutesOnlyAndAnAlignedDayIsOneBucket() {
        assertThat(BucketCover.of(CenterCalendar.UTC, at("2026-11-28T09:10:00Z"), at("2026-11-28T09:20:00Z"))).containsExactly(
                new BucketCover.Segment(Grain.MINUTE, at("2026-11-28T09:10:00Z"), at("2026-11-28T09:20:00Z")));
        assertThat(BucketCover.of(CenterCalendar.UTC, at("2026-11-28T00:00:00Z"), at("2026-11-29T00:00:00Z"))).containsExactly(
                new BucketCover.Segment(Grain.DAY, at("2026-11-28T00:00:00Z"), at("2026-11-29T00:00:00Z")));
    }

    @Test
    void daysAndHoursAreTheCentersInAHalfHourZone() {
        // Adelaide is 10:30 ahead of UTC in December: its midnight is 13:30 UTC, its hours begin at half past.
        assertThat(BucketCover.of(CenterCalendar.of("Australia/Adelaide"), at("2026-12-01T12:29:00Z"), at("2026-12-02T14:31:00Z")))
                .containsExactly(
                        new BucketCover.Segment(Grain.MINUTE, at("2026-12-01T12:29:00Z"), at("2026-12-01T12:30:00Z")),
                        new BucketCover.Segment(Grain.HOUR, at("2026-12-01T12:30:00Z"), at("2026-12-01T13:30:00Z")),
                        new BucketCover.Segment(Grain.DAY, at("2026-12-01T13:30:00Z"), at("2026-12-02T13:30:00Z")),
                        new BucketCover.Segment(Grain.HOUR, at("2026-12-02T13:30:00Z"), at("2026-12-02T14:30:00Z")),
                        new BucketCover.Segment(Grain.MINUTE, at("2026-12-02T14:30:00Z"), at("2026-12-02T14:31:00Z")));
    }
}
