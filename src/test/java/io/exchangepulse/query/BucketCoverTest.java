package io.exchangepulse.query;

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
        assertThat(BucketCover.of(at("2026-11-25T22:58:00Z"), at("2026-11-28T01:02:00Z"))).containsExactly(
                new BucketCover.Segment(Grain.MINUTE, at("2026-11-25T22:58:00Z"), at("2026-11-25T23:00:00Z")),
                new BucketCover.Segment(Grain.HOUR, at("2026-11-25T23:00:00Z"), at("2026-11-26T00:00:00Z")),
                new BucketCover.Segment(Grain.DAY, at("2026-11-26T00:00:00Z"), at("2026-11-28T00:00:00Z")),
                new BucketCover.Segment(Grain.HOUR, at("2026-11-28T00:00:00Z"), at("2026-11-28T01:00:00Z")),
                new BucketCover.Segment(Grain.MINUTE, at("2026-11-28T01:00:00Z"), at("2026-11-28T01:02:00Z")));
    }

    @Test
    void aShortRangeIsMinutesOnlyAndAnAlignedDayIsOneBucket() {
        assertThat(BucketCover.of(at("2026-11-28T09:10:00Z"), at("2026-11-28T09:20:00Z"))).containsExactly(
                new BucketCover.Segment(Grain.MINUTE, at("2026-11-28T09:10:00Z"), at("2026-11-28T09:20:00Z")));
        assertThat(BucketCover.of(at("2026-11-28T00:00:00Z"), at("2026-11-29T00:00:00Z"))).containsExactly(
                new BucketCover.Segment(Grain.DAY, at("2026-11-28T00:00:00Z"), at("2026-11-29T00:00:00Z")));
    }
}
