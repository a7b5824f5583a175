package io.exchangepulse.live;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MissedDeltaCheckTest {

    final MissedDeltaCheck check = new MissedDeltaCheck();

    @Test
    void positionsInStepWithTheViewMissNothing() {
        assertThat(check.missed(Map.of(0, 10L), Map.of(0, 10L))).isFalse();
        assertThat(check.missed(Map.of(0, 10L), Map.of(0, 10L))).isFalse();
    }

    @Test
    void storedPositionsAheadOnceAreADeltaOnItsWay() {
        assertThat(check.missed(Map.of(0, 12L), Map.of(0, 10L))).isFalse();
        assertThat(check.missed(Map.of(0, 15L), Map.of(0, 12L))).isFalse();
    }

    @Test
    void storedPositionsAheadTwiceAtTheSamePlaceAreAMissedDelta() {
        assertThat(check.missed(Map.of(0, 12L, 1, 5L), Map.of(0, 10L, 1, 5L))).isFalse();
        assertThat(check.missed(Map.of(0, 12L, 1, 5L), Map.of(0, 10L, 1, 5L))).isTrue();
    }

    @Test
    void aPartitionTheViewHasNeverSeenCountsFromZero() {
        assertThat(check.missed(Map.of(3, 1L), Map.of())).isFalse();
        assertThat(check.missed(Map.of(3, 1L), Map.of())).isTrue();
    }
}
