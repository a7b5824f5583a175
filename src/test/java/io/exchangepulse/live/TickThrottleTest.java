package io.exchangepulse.live;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The leading-edge tick, on a test clock and a timer that runs only when told. */
class TickThrottleTest {

    long nanos = 1_000_000_000L;
    final List<Runnable> timers = new ArrayList<>();
    final List<Long> delays = new ArrayList<>();
    int ticks;
    final TickThrottle throttle = new TickThrottle(Duration.ofMillis(100), () -> nanos,
            (delay, task) -> {
                delays.add(delay);
                timers.add(task);
            }, () -> ticks++);

    void advanceMillis(long millis) {
        nanos += millis * 1_000_000;
    }

    void fireTimers() {
        List<Runnable> due = new ArrayList<>(timers);
        timers.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void theFirstRequestTicksAtOnce() {
        throttle.request();

        assertThat(ticks).isEqualTo(1);
        assertThat(timers).isEmpty();
    }

    @Test
    void aRequestWithinATickWaitsForTheRestOfIt() {
        throttle.request();
        advanceMillis(30);

        throttle.request();

        assertThat(ticks).isEqualTo(1);
        assertThat(delays).containsExactly(70L);
        advanceMillis(70);
        fireTimers();
        assertThat(ticks).isEqualTo(2);
    }

    @Test
    void manyRequestsWithinATickMakeOneTick() {
        throttle.request();
        for (int i = 0; i < 10; i++) {
            advanceMillis(5);
            throttle.request();
        }

        assertThat(timers).hasSize(1);
        advanceMillis(50);
        fireTimers();
        assertThat(ticks).isEqualTo(2);
    }

    @Test
    void aRequestAWholeTickAfterTheLastTicksAtOnce() {
        throttle.request();
        advanceMillis(100);

        throttle.request();

        assertThat(ticks).isEqualTo(2);
        assertThat(timers).isEmpty();
    }

    @Test
    void afterAScheduledTickTheNextRequestWaitsAgain() {
        throttle.request();
        advanceMillis(10);
        throttle.request();
        advanceMillis(90);
        fireTimers();
        advanceMillis(20);

        throttle.request();

        assertThat(ticks).isEqualTo(2);
        assertThat(delays).containsExactly(90L, 80L);
    }
}
