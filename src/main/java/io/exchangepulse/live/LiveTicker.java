package io.exchangepulse.live;

import io.exchangepulse.counters.Horizon;
import io.exchangepulse.platform.CenterClock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * The clock of the live push: ticks come when there is something to send (new counts, a viewer that wants
 * a snapshot), throttled to one per tick length, and every tick length on their own for heartbeats, stuck
 * viewers, the turn of the minute and the operations board. Every tick runs on one event-loop context.
 */
@ApplicationScoped
public class LiveTicker {

    @Inject
    LiveBroadcaster broadcaster;

    @Inject
    LiveCounters counters;

    @Inject
    LiveConfig config;

    @Inject
    CenterClock clock;

    @Inject
    Vertx vertx;

    @Inject
    BroadcastTraces traces;

    /** Null until the ticker starts. */
    private volatile Context context;
    private TickThrottle throttle;
    private long periodic;
    private long lastEvictedMinute;

    void start(@Observes StartupEvent event) {
        Context ticking = vertx.getOrCreateContext();
        ticking.runOnContext(v -> {
            throttle = new TickThrottle(config.tick(), System::nanoTime,
                    (delay, task) -> vertx.setTimer(delay, id -> task.run()), this::tick);
            periodic = vertx.setPeriodic(config.tick().toMillis(), id -> throttle.request());
            context = ticking;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(periodic);
    }

    /** Asks for a tick from any thread: at once if the last one is a tick ago, else at the next. */
    void tickSoon() {
        Context ticking = context;
        if (ticking != null) {
            ticking.runOnContext(v -> throttle.request());
        }
    }

    private void tick() {
        Instant now = clock.instant();
        LiveBroadcaster.Tick done = broadcaster.tick(now);
        traces.ticked(now, done.version(), done.deltasWritten());
        long minute = now.getEpochSecond() / 60;
        if (minute != lastEvictedMinute) {
            lastEvictedMinute = minute;
            counters.evict(Horizon.at(now, clock.calendar()));
        }
    }
}
