package io.exchangepulse.live;

import io.exchangepulse.aggregate.DeltaWindow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.domain.TaskForce;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.exchangepulse.platform.Draining;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Pushes the live views to every viewer: a snapshot on connect (and on subscribe or resync), then at
 * most one delta per tick with what changed since the viewer's last message. The work of a tick is
 * shared by the viewers that follow the same views, and a viewer still writing its last message is
 * skipped, so a slow one never holds up the rest nor makes the server queue for it.
 */
@ApplicationScoped
public class LiveBroadcaster {

    private static final Logger LOG = Logger.getLogger(LiveBroadcaster.class);
    /** RFC 6455: the endpoint is going away, as a server that is stopping. */
    private static final int GOING_AWAY = 1001;

    @Inject
    LiveCounters counters;

    @Inject
    OperationsFeed operations;

    @Inject
    LiveConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();
    private Timer deltaLatency;
    private long timer;
    /** Every tick runs on this one event loop, so two never overlap; null until the broadcaster starts. */
    private volatile Context context;
    private long lastTickNanos;
    private boolean tickScheduled;

    /** The states of the last tick, reused while nothing has changed: same state, nothing to send. */
    private Map<Subscription, ViewState> lastStates = Map.of();
    private Object lastStamp;
    private long lastEvictedMinute;

    void start(@Observes StartupEvent event) {
        deltaLatency = Timer.builder("pulse.live.delta.latency")
                .description("From an event's append to Kafka to a viewer's delta that includes it")
                .publishPercentiles(0.5, 0.99, 0.999)
                .register(metrics);
        metrics.gaugeMapSize("pulse.live.viewers", List.of(), sessions);
        context = vertx.getOrCreateContext();
        // Ticks also come on their own, for heartbeats, stuck viewers, the minute's turn and the operations board.
        context.runOnContext(v -> timer = vertx.setPeriodic(config.tick().toMillis(), id -> tickSoon()));
    }

    /**
     * New counts go out at once when the last tick is a whole tick ago, else at the next tick: a quiet
     * wall shows an exchange without waiting for the clock, and a busy one still gets one delta per tick.
     */
    void countsChanged() {
        Context ticking = context;
        if (ticking != null) {
            ticking.runOnContext(v -> tickSoon());
        }
    }

    private void tickSoon() {
        if (tickScheduled) {
            return;
        }
        long wait = lastTickNanos + config.tick().toNanos() - System.nanoTime();
        if (wait <= 0) {
            tick();
            return;
        }
        tickScheduled = true;
        vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), id -> {
            tickScheduled = false;
            tick();
        });
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** Viewers are told "going away" (1001), so their dashboards reconnect to another replica at once. */
    void goingAway(@Observes Draining.Started event) {
        List<Uni<Void>> closing = new ArrayList<>();
        for (LiveSession session : sessions.values()) {
            closing.add(session.connection.close(new CloseReason(GOING_AWAY, "replica stopping"))
                    .onFailure().recoverWithNull());
        }
        sessions.clear();
        if (!closing.isEmpty()) {
            Uni.join().all(closing).andCollectFailures().await().atMost(Duration.ofSeconds(5));
        }
        LOG.infof("Told %d viewers this replica is going away", closing.size());
    }

    void open(WebSocketConnection connection) {
        LiveSession session = new LiveSession(connection);
        sessions.put(connection.id(), session);
        synchronized (session) {
            sendSnapshot(session, render(session.subscription, clock.instant()));
        }
    }

    void close(WebSocketConnection connection) {
        sessions.remove(connection.id());
    }

    void receive(WebSocketConnection connection, String text) {
        LiveSession session = sessions.get(connection.id());
        if (session == null) {
            return;
        }
        synchronized (session) {
            try {
                JsonNode message = mapper.readTree(text);
                switch (message.path("type").asText()) {
                    case "subscribe" -> session.subscription = subscription(message);
                    case "resync" -> {
                        // a new snapshot of the same subscription
                    }
                    default -> throw new IllegalArgumentException("unknown message type '" + message.path("type").asText()
                            + "'; expected subscribe or resync");
                }
                sendSnapshot(session, render(session.subscription, clock.instant()));
            } catch (JsonProcessingException e) {
                send(session, "error", Map.of("message", "not JSON: " + e.getOriginalMessage()));
            } catch (IllegalArgumentException e) {
                send(session, "error", Map.of("message", e.getMessage()));
            }
        }
    }

    private void tick() {
        lastTickNanos = System.nanoTime();
        Instant now = clock.instant();
        Object stamp = List.of(counters.version(), now.getEpochSecond() / 60, operations.current());
        Map<Subscription, ViewState> states = stamp.equals(lastStamp) ? lastStates : new HashMap<>();
        Map<StatePair, String> deltas = new HashMap<>();
        long nowMillis = now.toEpochMilli();
        for (LiveSession session : sessions.values()) {
            synchronized (session) {
                if (session.inFlightSince != 0) {
                    if (nowMillis - session.inFlightSince > config.stuckLimit().toMillis()) {
                        LOG.infof("Disconnecting viewer %s: stuck for %s", session.connection.id(), config.stuckLimit());
                        session.connection.close().subscribe().with(ok -> { }, failure -> { });
                        sessions.remove(session.connection.id());
                    }
                    continue;
                }
                ViewState current = states.computeIfAbsent(session.subscription, s -> render(s, now));
                if (!current.date().equals(session.lastSent.date())) {
                    sendSnapshot(session, current);
                } else if (current != session.lastSent) {
                    String delta = deltas.computeIfAbsent(new StatePair(session.lastSent, current), pair -> deltaBody(pair, now));
                    if (delta != null) {
                        sendDelta(session, current, delta, nowMillis);
                    } else {
                        session.lastSent = current;
                    }
                }
                if (nowMillis - session.lastMessageAt >= config.heartbeat().toMillis()) {
                    send(session, "heartbeat", Map.of());
                }
            }
        }
        lastStates = states;
        lastStamp = stamp;
        long minute = now.getEpochSecond() / 60;
        if (minute != lastEvictedMinute) {
            lastEvictedMinute = minute;
            counters.evict(now);
        }
    }

    private ViewState render(Subscription subscription, Instant now) {
        ViewState[] state = new ViewState[1];
        counters.read(rows -> state[0] = ViewRenderer.render(rows, subscription, now, operations.current()));
        return state[0];
    }

    /** The part of a delta message after its seq, the same for every viewer of the pair; null if nothing changed. */
    private String deltaBody(StatePair pair, Instant now) {
        Map<String, Object> changes = ViewMessages.changes(pair.before(), pair.after());
        if (changes.isEmpty()) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serverTime", now);
        long newest = counters.newestIngestedAt();
        body.put("newestIngestedAt", newest == 0 ? null : Instant.ofEpochMilli(newest));
        body.put("changes", changes);
        return json(body).substring(1);
    }

    private void sendDelta(LiveSession session, ViewState current, String body, long nowMillis) {
        session.lastSent = current;
        long newest = counters.newestIngestedAt();
        if (newest > session.newestIngestedAtSent && session.newestIngestedAtSent != 0) {
            deltaLatency.record(Duration.ofMillis(Math.max(0, nowMillis - newest)));
        }
        session.newestIngestedAtSent = newest;
        write(session, "{\"type\":\"delta\",\"seq\":" + (++session.seq) + "," + body);
    }

    private void sendSnapshot(LiveSession session, ViewState state) {
        session.lastSent = state;
        session.newestIngestedAtSent = counters.newestIngestedAt();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscription", describe(session.subscription));
        body.put("views", ViewMessages.snapshot(state));
        send(session, "snapshot", body);
    }

    private void send(LiveSession session, String type, Map<String, Object> fields) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("seq", ++session.seq);
        message.put("serverTime", clock.instant());
        message.putAll(fields);
        write(session, json(message));
    }

    private void write(LiveSession session, String text) {
        long now = clock.millis();
        session.lastMessageAt = now;
        session.inFlightSince = now;
        session.connection.sendText(text).subscribe().with(
                ok -> written(session),
                failure -> {
                    written(session);
                    LOG.debugf("Writing to viewer %s failed: %s", session.connection.id(), failure.toString());
                });
    }

    private static void written(LiveSession session) {
        synchronized (session) {
            session.inFlightSince = 0;
        }
    }

    private Subscription subscription(JsonNode message) {
        Set<View> views = EnumSet.noneOf(View.class);
        message.path("views").forEach(v -> views.add(View.byKey(v.asText())
                .orElseThrow(() -> new IllegalArgumentException("unknown view '" + v.asText() + "'"))));
        Set<TaskForce> taskForces = EnumSet.noneOf(TaskForce.class);
        for (JsonNode taskForce : message.path("taskForces")) {
            try {
                taskForces.add(TaskForce.valueOf(taskForce.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown task force '" + taskForce.asText() + "'");
            }
        }
        int minutes = bounded(message, "minutes", 60, DeltaWindow.MAX_MINUTES);
        int days = bounded(message, "days", 30, DeltaWindow.MAX_DAYS);
        return new Subscription(views.isEmpty() ? EnumSet.allOf(View.class) : views, taskForces, minutes, days);
    }

    private static int bounded(JsonNode message, String field, int fallback, int max) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || value.intValue() < 1 || value.intValue() > max) {
            throw new IllegalArgumentException(field + " must be a whole number from 1 to " + max);
        }
        return value.intValue();
    }

    private static Map<String, Object> describe(Subscription subscription) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("views", subscription.views().stream().sorted().map(View::key).toList());
        description.put("taskForces", subscription.taskForces().stream().sorted().toList());
        description.put("minutes", subscription.minutes());
        description.put("days", subscription.days());
        return description;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two states compared by identity: the viewers that were sent the same state share one delta. */
    private record StatePair(ViewState before, ViewState after) {
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
