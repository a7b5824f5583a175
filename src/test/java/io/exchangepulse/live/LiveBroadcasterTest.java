package io.exchangepulse.live;

import io.exchangepulse.aggregate.CountingProgress;
import io.exchangepulse.alerts.AlertBoard;
import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.live.views.Subscription;
import io.exchangepulse.live.views.TestViews;
import io.exchangepulse.live.views.Views;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.live.views.TestViews.key;
import static org.assertj.core.api.Assertions.assertThat;

/** Ticks over viewers whose sockets finish writing when the test says, on a test clock. */
class LiveBroadcasterTest {

    static final Instant NOW = Instant.parse("2026-11-28T09:30:10Z");
    static final Horizon HORIZON = Horizon.at(NOW, CenterCalendar.UTC);
    static final CounterKey DRUGS_TODAY = key(CounterFamily.TASK_FORCE, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "DRUGS");
    static final CounterKey TERRORISM_TODAY = key(CounterFamily.TASK_FORCE, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "TERRORISM");

    final Views views = TestViews.all();
    final LiveCounters counters = new LiveCounters();
    final Viewers viewers = new Viewers(new SimpleMeterRegistry());
    final LiveBroadcaster broadcaster = new LiveBroadcaster(views, counters, new OperationsFeed(), new AlertBoard(), new LiveConfig() {
        @Override
        public Duration tick() {
            return Duration.ofMillis(100);
        }

        @Override
        public Duration heartbeat() {
            return Duration.ofSeconds(15);
        }

        @Override
        public Duration stuckLimit() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration operationsRefresh() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Duration countingDelayShown() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration messageInterval() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Duration reconcile() {
            return Duration.ofSeconds(10);
        }

        @Override
        public int maxConnectionsPerCaller() {
            return 32;
        }

        @Override
        public Duration connectInterval() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Duration foreignDeltaReload() {
            return Duration.ofSeconds(1);
        }
    }, TestSocket.MAPPER, viewers, new CountingProgress(), new SimpleMeterRegistry(), CenterCalendar.UTC);

    TestSocket connect(String id, Subscription subscription) {
        TestSocket socket = new TestSocket(id);
        viewers.add(new Viewer(socket, subscription, TestSocket::encode, () -> { }, new TokenBucket(5, Duration.ofSeconds(2), NOW)), "wall");
        return socket;
    }

    Subscription totalsOf(String... taskForces) {
        return new Subscription(List.of("totals"), java.util.Arrays.stream(taskForces)
                .map(io.exchangepulse.domain.TaskForce::valueOf).toList(), 60, 30);
    }

    void countsAre(long drugs, long terrorism, long position) {
        Map<CounterKey, Long> rows = new HashMap<>(Map.of(DRUGS_TODAY, drugs, TERRORISM_TODAY, terrorism));
        counters.reset(new LiveCounters.Snapshot(rows, Map.of(0, position)), HORIZON);
    }

    void add(CounterKey key, long count, long from, long to) {
        counters.apply(new CountsDelta(List.of(new CountsDelta.Span(0, from, to)), NOW.toEpochMilli(),
                List.of(new CountsDelta.Row(key, count))), HORIZON);
    }

    @Test
    void viewersOfOneSubscriptionShareItsStatesAndItsDelta() throws Exception {
        countsAre(10, 1, 100);
        TestSocket a = connect("a", totalsOf());
        TestSocket b = connect("b", totalsOf());
        broadcaster.tick(NOW);
        a.finishWriting();
        b.finishWriting();
        assertThat(viewers.get("a").lastSent()).isSameAs(viewers.get("b").lastSent());

        add(DRUGS_TODAY, 5, 100, 105);
        LiveBroadcaster.Tick tick = broadcaster.tick(NOW.plusMillis(100));

        assertThat(tick).as("the version shown and the deltas written, for the broadcast's span")
                .isEqualTo(new LiveBroadcaster.Tick(counters.version(), 2));
        assertThat(a.last().get("type").asText()).isEqualTo("delta");
        assertThat(a.last().get("changes")).isEqualTo(b.last().get("changes"));
        assertThat(a.last().get("changes").get("totals").get("today").asLong()).isEqualTo(16);
        assertThat(viewers.get("a").lastSent()).isSameAs(viewers.get("b").lastSent());
    }

    @Test
    void aTaskForceViewerGetsNoDeltaForAnotherTaskForcesExchanges() throws Exception {
        countsAre(10, 1, 100);
        TestSocket terrorism = connect("t", totalsOf("TERRORISM"));
        broadcaster.tick(NOW);
        terrorism.finishWriting();
        assertThat(terrorism.last().get("views").get("totals").get("today").asLong()).isEqualTo(1);

        add(DRUGS_TODAY, 5, 100, 105);
        assertThat(broadcaster.tick(NOW.plusMillis(100)).deltasWritten()).isZero();

        assertThat(terrorism.written).hasSize(1);
    }

    @Test
    void aViewerStillWritingIsSkippedAndLaterGetsTheNewestState() throws Exception {
        countsAre(10, 1, 100);
        TestSocket slow = connect("slow", totalsOf());
        broadcaster.tick(NOW);

        add(DRUGS_TODAY, 5, 100, 105);
        broadcaster.tick(NOW.plusMillis(100));
        add(DRUGS_TODAY, 5, 105, 110);
        broadcaster.tick(NOW.plusMillis(200));
        assertThat(slow.written).hasSize(1);

        slow.finishWriting();
        broadcaster.tick(NOW.plusMillis(300));

        assertThat(slow.written).hasSize(2);
        assertThat(slow.last().get("seq").asLong()).isEqualTo(2);
        assertThat(slow.last().get("changes").get("totals").get("today").asLong()).isEqualTo(21);
    }

    @Test
    void aQuietViewerGetsAHeartbeatAfterTheIntervalAndNothingBefore() throws Exception {
        countsAre(10, 1, 100);
        TestSocket quiet = connect("q", totalsOf());
        broadcaster.tick(NOW);
        quiet.finishWriting();

        broadcaster.tick(NOW.plusSeconds(14));
        assertThat(quiet.written).hasSize(1);
        broadcaster.tick(NOW.plusSeconds(15));

        assertThat(quiet.last().get("type").asText()).isEqualTo("heartbeat");
        assertThat(quiet.last().get("seq").asLong()).isEqualTo(2);
    }

    @Test
    void aViewerStuckPastTheLimitIsDisconnected() {
        countsAre(10, 1, 100);
        TestSocket stuck = connect("s", totalsOf());
        broadcaster.tick(NOW);

        broadcaster.tick(NOW.plusSeconds(30));
        assertThat(stuck.closedWith).isNull();
        broadcaster.tick(NOW.plusSeconds(31));

        assertThat(stuck.closedWith).isEqualTo(1008);
        assertThat(viewers.all()).isEmpty();
    }

    @Test
    void theTurnOfTheUtcDayBringsASnapshot() throws Exception {
        countsAre(10, 1, 100);
        TestSocket wall = connect("w", totalsOf());
        broadcaster.tick(NOW);
        wall.finishWriting();

        broadcaster.tick(Instant.parse("2026-11-29T00:00:01Z"));

        assertThat(wall.last().get("type").asText()).isEqualTo("snapshot");
        assertThat(wall.last().get("views").get("totals").get("date").asText()).isEqualTo("2026-11-29");
    }
}
