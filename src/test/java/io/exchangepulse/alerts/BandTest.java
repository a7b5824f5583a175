package io.exchangepulse.alerts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BandTest {

    static long[] flat(int windows, long count) {
        long[] history = new long[windows];
        Arrays.fill(history, count);
        return history;
    }

    @Test
    void aSteadyCountIsExpectedWithAtLeastAChanceSpread() {
        Band band = Band.of(flat(48, 16), 24, 3, 6).orElseThrow();

        assertThat(band.expected()).isCloseTo(16, within(1e-9));
        assertThat(band.spread()).as("a Poisson count's spread, never less").isCloseTo(4, within(1e-9));
        assertThat(band.low()).isCloseTo(4, within(1e-9));
        assertThat(band.high()).isCloseTo(28, within(1e-9));
        assertThat(band.sigmasOff(40)).isCloseTo(6, within(1e-9));
    }

    @Test
    void recentWindowsWeighMost() {
        long[] history = flat(48, 0);
        Arrays.fill(history, 40, 48, 100);

        Band band = Band.of(history, 4, 3, 6).orElseThrow();

        assertThat(band.expected()).as("after a day of quiet, the last eight windows busy").isGreaterThan(50);
    }

    @Test
    void aQuietSubjectStillHasASpreadOfOneAndLowNeverGoesBelowZero() {
        Band band = Band.of(flat(24, 0), 24, 3, 6).orElseThrow();

        assertThat(band.spread()).isEqualTo(1);
        assertThat(band.low()).isZero();
        assertThat(band.high()).isEqualTo(3);
    }

    @Test
    void tooShortAHistoryIsNotJudged() {
        assertThat(Band.of(flat(5, 10), 24, 3, 6)).isEmpty();
        assertThat(Band.of(flat(6, 10), 24, 3, 6)).isPresent();
    }
}
