package io.exchangepulse.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.aggregate.CountingProgress;
import io.exchangepulse.alerts.AlertBoard;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.live.views.Subscription;
import io.exchangepulse.live.views.ViewInput;
import io.exchangepulse.live.views.ViewStates;
import io.exchangepulse.live.views.Views;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one tick sends: to each viewer that can take a message, a snapshot if it needs one, else the
 * changes since its last message, else a heartbeat after a quiet spell. The work is shared: each distinct
 * subscription's states are rendered once, and reused while nothing changes; each distinct change (from
 * the same states to the same states) is encoded once, whatever the number of viewers, and each viewer's
 * message is that frame with its seq (see {@link DeltaFrame}).
 */
@ApplicationScoped
public class LiveBroadcaster {

    private static final Logger LOG = Logger.getLogger(LiveBroadcaster.class);

    private final Views views;
    private final LiveCounters counters;
    private final OperationsFeed operations;
    private final AlertBoard alerts;
    private final LiveConfig config;
    private final ObjectMapper mapper;
    private final Viewers viewers;
    private final CountingProgress counting;
    private final Timer deltaLatency;
    private final CenterCalendar calendar;

    /** The states of the last tick and what they were rendered from: same stamp, same states. */
    private Map<Subscription, ViewStates> lastStates = Map.of();
    private Object lastStamp;

    @Inject
    LiveBroadcaster(Views views, LiveCounters counters, OperationsFeed operations, AlertBoard alerts, LiveConfig config,
                    ObjectMapper mapper, Viewers viewers, CountingProgress counting, MeterRegistry metrics, CenterCalendar calendar) {
        this.views = views;
        this.calendar = calendar;
        this.counters = counters;
        this.operations = operations;
        this.alerts = alerts;
        this.config = config;
        this.mapper = mapper;
        this.viewers = viewers;
        this.counting = counting;
        this.deltaLatency = Timer.builder("pulse.live.delta.latency")
                .description("From an event's append to Kafka to a viewer's delta that includes it")
                .publishPercentiles(0.5, 0.99, 0.999)
                .register(metrics);
    }

    /** What a tick did: the live copy's version it rendered, and how many deltas it wrote. */
    record Tick(long version, int deltasWritten) {
    }

    /** One tick; ticks never overlap (they run on one context). */
    Tick tick(Instant now) {
        long version = counters.version();
        int deltasWritten = 0;
        Object stamp = List.of(version, now.getEpochSecond() / 60, operations.current(), alerts.active());
        Map<Subscription, ViewStates> states = stamp.equals(lastStamp) ? lastStates : new HashMap<>();
        Map<StatePair, DeltaFrame> frames = new HashMap<>();
        long newest = counters.newestIngestedAt();
        Long delay = countingDelay();
        for (Viewer viewer : viewers.all()) {
            // Held for the viewer's whole step, so an error written meanwhile cannot make two messages in flight.
            synchronized (viewer) {
                if (viewer.isWriting()) {
                    if (viewer.stuckLongerThan(config.stuckLimit(), now)) {
                        LOG.infof("Disconnecting viewer %s: stuck for %s", viewer.id(), config.stuckLimit());
                        viewers.disconnect(viewer, LiveWebSocket.POLICY_VIOLATION, "not reading");
                    }
                    continue;
                }
                ViewStates current = states.computeIfAbsent(viewer.subscription(), subscription -> render(subscription, now));
                if (viewer.needsSnapshot(current)) {
                    viewer.sendSnapshot(current, now, newest, delay);
                } else if (current != viewer.lastSent()) {
                    DeltaFrame frame = frames.computeIfAbsent(new StatePair(viewer.lastSent(), current),
                            pair -> frameOf(pair, now, newest, delay));
                    if (frame.isUnchanged()) {
                        viewer.unchanged(current);
                    } else {
                        long before = viewer.sendDelta(current, frame, now);
                        deltasWritten++;
                        if (before != 0 && newest > before) {
                            deltaLatency.record(Duration.ofMillis(Math.max(0, now.toEpochMilli() - newest)));
                        }
                    }
                } else if (viewer.idleFor(config.heartbeat(), now) || viewer.toldOtherDelay(delay)) {
                    viewer.sendHeartbeat(now, delay);
                }
            }
        }
        lastStates = states;
        lastStamp = stamp;
        return new Tick(version, deltasWritten);
    }

    /** How far behind counting is, in seconds, once it is further than a wall may pass over; else null. */
    private Long countingDelay() {
        Duration delay = counting.standing().delay();
        return delay.compareTo(config.countingDelayShown()) < 0 ? null : delay.toSeconds();
    }

    private ViewStates render(Subscription subscription, Instant now) {
        return counters.read(table -> views.render(new ViewInput(table, operations.current(), alerts.active(), now, calendar), subscription));
    }

    /** The delta of the pair, the same for every viewer of it, or UNCHANGED when nothing this pair shows changed. */
    private DeltaFrame frameOf(StatePair pair, Instant now, long newest, Long delay) {
        Map<String, Object> changed = pair.after().changesSince(pair.before());
        if (changed.isEmpty()) {
            return DeltaFrame.UNCHANGED;
        }
        try {
            return DeltaFrame.of(now, delay, newest, mapper.writeValueAsString(changed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two states compared by identity: the viewers that were sent the same states share one delta. */
    private record StatePair(ViewStates before, ViewStates after) {
        @Override
        public boolean equals(Object other) {
            return other instanceof StatePair pair && pair.before == before && pair.after == after;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(before) * 31 + System.identityHashCode(after);
        }
    }
}
