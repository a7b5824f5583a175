package io.exchangepulse.live;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
    final LiveConfig config = new LiveConfig() {
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
    };
    final LiveBroadcaster broadcaster = broadcasterIn(CenterCalendar.UTC);

    LiveBroadcaster broadcasterIn(CenterCalendar calendar) {
        return new LiveBroadcaster(views, counters, new OperationsFeed(), new AlertBoard(), config, TestSocket.MAPPER, viewers,
                new CountingProgress(), new SimpleMeterRegistry(), calendar);
    }

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

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Bucharest", "Australia/Adelaide"})
    void atTheCentersNewYearTheYearlyTableGainsTheNewYearLiveAndThisYearStartsAgain(String zone) throws Exception {
        CenterCalendar calendar = CenterCalendar.of(zone);
        LiveBroadcaster wallClock = broadcasterIn(calendar);
        Instant newYear = calendar.startOfYear(2027);
        Instant lastDay = calendar.startOf(LocalDate.of(2026, 12, 31));
        counters.reset(new LiveCounters.Snapshot(Map.of(
                key(CounterFamily.SCOPE_CHANNEL, Grain.YEAR, calendar.startOfYear(2026), "MEMBERS", "DAILY"), 100L,
                key(CounterFamily.TASK_FORCE, Grain.YEAR, calendar.startOfYear(2026), "DRUGS"), 100L,
                key(CounterFamily.TASK_FORCE, Grain.DAY, lastDay, "DRUGS"), 5L), Map.of(0, 100L)),
                Horizon.at(newYear.minusSeconds(1), calendar));
        TestSocket wall = connect("w", new Subscription(List.of("totals", "trendDays", "yearly"), List.of(), 60, 30));
        wallClock.tick(newYear.minusSeconds(1));
        wall.finishWriting();
        assertThat(wall.last().at("/views/totals/date").asText()).isEqualTo("2026-12-31");
        assertThat(wall.last().at("/views/yearly").findValues("year")).extracting(JsonNode::asInt).containsExactly(2026);

        counters.apply(new CountsDelta(List.of(new CountsDelta.Span(0, 100, 101)), newYear.toEpochMilli(), List.of(
                new CountsDelta.Row(key(CounterFamily.SCOPE_CHANNEL, Grain.YEAR, newYear, "MEMBERS", "DAILY"), 1),
                new CountsDelta.Row(key(CounterFamily.TASK_FORCE, Grain.YEAR, newYear, "DRUGS"), 1),
                new CountsDelta.Row(key(CounterFamily.TASK_FORCE, Grain.DAY, newYear, "DRUGS"), 1))), Horizon.at(newYear, calendar));
        wallClock.tick(newYear.plusSeconds(1));

        JsonNode turned = wall.last();
        assertThat(turned.get("type").asText()).as("a new day, a new snapshot").isEqualTo("snapshot");
        assertThat(turned.at("/views/totals/date").asText()).isEqualTo("2027-01-01");
        assertThat(turned.at("/views/totals/today").asLong()).isEqualTo(1);
        assertThat(turned.at("/views/totals/thisYear").asLong()).as("this year starts again").isEqualTo(1);
        assertThat(turned.at("/views/totals/lastYearToDate").asLong()).as("the day a year before is of the old year").isZero();
        assertThat(turned.at("/views/yearly").findValues("year")).extracting(JsonNode::asInt).containsExactly(2026, 2027);
        assertThat(turned.at("/views/yearly").findValues("total")).extracting(JsonNode::asLong).containsExactly(100L, 1L);
        JsonNode drugs = CenterMidnightTest.series(turned.at("/views/trendDays/series"), "DRUGS");
        assertThat(drugs.get(29).asLong()).as("the new year's first day").isEqualTo(1);
        assertThat(drugs.get(28).asLong()).as("the old year's last day").isEqualTo(5);
    }

    @Test
    void theDayTrendHoldsTheLongDayOfSummerTimesEndWhole() throws Exception {
        CenterCalendar bucharest = CenterCalendar.of("Europe/Bucharest");
        LiveBroadcaster wallClock = broadcasterIn(bucharest);
        // 25 October 2026 has 25 hours in Bucharest: from 21:00 UTC the day before to 22:00 UTC.
        Instant longDay = bucharest.startOf(LocalDate.of(2026, 10, 25));
        Instant evening = Instant.parse("2026-10-25T21:30:00Z");
        counters.reset(new LiveCounters.Snapshot(Map.of(
                key(CounterFamily.TASK_FORCE, Grain.DAY, longDay, "DRUGS"), 25L), Map.of(0, 100L)), Horizon.at(evening, bucharest));
        TestSocket wall = connect("w", new Subscription(List.of("totals", "trendDays"), List.of(), 60, 30));

        wallClock.tick(evening);
        assertThat(wall.last().at("/views/totals/date").asText()).as("23:30 in Bucharest, after 25 hours").isEqualTo("2026-10-25");
        assertThat(wall.last().at("/views/totals/today").asLong()).isEqualTo(25);
        assertThat(CenterMidnightTest.series(wall.last().at("/views/trendDays/series"), "DRUGS").get(29).asLong()).isEqualTo(25);
        wall.finishWriting();

        wallClock.tick(Instant.parse("2026-10-25T22:00:01Z"));
        assertThat(wall.last().at("/views/totals/date").asText()).isEqualTo("2026-10-26");
        assertThat(wall.last().at("/views/totals/today").asLong()).isZero();
        assertThat(Instant.parse(wall.last().at("/views/trendDays/to").asText())).isEqualTo(Instant.parse("2026-10-26T22:00:00Z"));
        assertThat(CenterMidnightTest.series(wall.last().at("/views/trendDays/series"), "DRUGS").get(28).asLong()).isEqualTo(25);
    }
}
