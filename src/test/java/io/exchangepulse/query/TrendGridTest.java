package io.exchangepulse.query;

import io.exchangepulse.domain.Grain;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrendGridTest {

    @Test
    void aGridEndingNowHoldsTheCurrentStepLast() {
        TrendGrid grid = TrendGrid.endingAt(Grain.MINUTE, Instant.parse("2026-11-28T09:30:10Z"), 60);

        assertThat(grid.from()).isEqualTo(Instant.parse("2026-11-28T08:31:00Z"));
        assertThat(grid.to()).isEqualTo(Instant.parse("2026-11-28T09:31:00Z"));
        assertThat(grid.indexOf(Instant.parse("2026-11-28T09:30:59Z"))).isEqualTo(59);
    }

    @Test
    void timesOutsideTheGridHaveNoIndex() {
        TrendGrid grid = TrendGrid.between(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-04T00:00:00Z"),
                Duration.ofDays(1));

        assertThat(grid.length()).isEqualTo(3);
        assertThat(grid.indexOf(Instant.parse("2026-10-31T23:59:59Z"))).isEqualTo(-1);
        assertThat(grid.indexOf(Instant.parse("2026-11-03T23:59:59Z"))).isEqualTo(2);
        assertThat(grid.indexOf(Instant.parse("2026-11-04T00:00:00Z"))).isEqualTo(-1);
        assertThat(grid.at(2)).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
    }
}
