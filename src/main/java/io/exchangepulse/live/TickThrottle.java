package io.exchangepulse.live;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Runs the tick at most once per tick length, on the leading edge: a request when the last tick is a whole
 * tick ago runs it at once (a quiet wall shows an exchange without waiting for the clock), any other waits
 * for the next tick, and however many requests come meanwhile, one tick follows them. Not thread-safe:
 * every call comes from one event-loop context, which also keeps two ticks from overlapping.
 */
final class TickThrottle {

    /** Runs a task after a delay, on the same context (Vert.x timers do). */
    interface Timer {
        void schedule(long delayMillis, Runnable task);
    }

    private final long tickNanos;
    private final LongSupplier nanoTime;
    private final Timer timer;
    private final Runnable tick;
    private long lastTickNanos;
    private boolean ticked;
    private boolean scheduled;

    TickThrottle(Duration tick, LongSupplier nanoTime, Timer timer, Runnable task) {
        this.tickNanos = tick.toNanos();
        this.nanoTime = nanoTime;
        this.timer = timer;
        this.tick = task;
    }

    void request() {
        if (scheduled) {
            return;
        }
        long wait = ticked ? lastTickNanos + tickNanos - nanoTime.getAsLong() : 0;
        if (wait <= 0) {
            run();
            return;
        }
        scheduled = true;
        timer.schedule(Math.max(1, Duration.ofNanos(wait).toMillis()), () -> {
            scheduled = false;
            run();
        });
    }

    private void run() {
        ticked = true;
        lastTickNanos = nanoTime.getAsLong();
        tick.run();
    }
}
