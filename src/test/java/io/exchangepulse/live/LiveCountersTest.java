package io.exchangepulse.live;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.counters.LiveRows;
import io.exchangepulse.counters.LiveWindow;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.live.views.TestViews.key;
import static org.assertj.core.api.Assertions.assertThat;

/** The replica's live copy: deltas chained by position, gaps told apart from repeats, rows kept only while read. */
class LiveCountersTest {

    static final Instant NOW = Instant.parse("2026-11-28T09:30:00Z");
    static final Horizon HORIZON = Horizon.at(NOW, CenterCalendar.UTC);
    static final CounterKey DRUGS_THIS_MINUTE = key(CounterFamily.TASK_FORCE, Grain.MINUTE, Instant.parse("2026-11-28T09:30:00Z"), "DRUGS");
    static final CounterKey DRUGS_TODAY = key(CounterFamily.TASK_FORCE, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "DRUGS");

    final LiveCounters counters = new LiveCounters();

    Map<CounterKey, Long> rows() {
        return counters.read(table -> {
            Map<CounterKey, Long> all = new HashMap<>();
            for (CounterFamily family : CounterFamily.values()) {
                for (Grain grain : Grain.values()) {
                    table.forEach(new LiveRows(family, grain, LiveWindow.ALL), all::put);
                }
            }
            return all;
        });
    }

    static CountsDelta delta(long from, long to, CounterKey key, long count) {
        return new CountsDelta(List.of(new CountsDelta.Span(0, from, to)), NOW.toEpochMilli(), List.of(new CountsDelta.Row(key, count)));
    }

    @Test
    void aDeltaThatFollowsTheSnapshotsPositionIsAddedAndMovesIt() {
        counters.reset(new LiveCounters.Snapshot(Map.of(DRUGS_TODAY, 10L), Map.of(0, 100L)), HORIZON);
        long version = counters.version();

        assertThat(counters.apply(delta(100, 105, DRUGS_TODAY, 5), HORIZON)).isEqualTo(LiveCounters.Applied.APPLIED);

        assertThat(rows()).containsEntry(DRUGS_TODAY, 15L);
        assertThat(counters.positions()).containsEntry(0, 105L);
        assertThat(counters.version()).isGreaterThan(version);
        assertThat(counters.newestIngestedAt()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void aDeltaTheSnapshotAlreadyHoldsChangesNothing() {
        counters.reset(new LiveCounters.Snapshot(Map.of(DRUGS_TODAY, 10L), Map.of(0, 100L)), HORIZON);

        assertThat(counters.apply(delta(95, 100, DRUGS_TODAY, 5), HORIZON)).isEqualTo(LiveCounters.Applied.ALREADY_INCLUDED);

        assertThat(rows()).containsEntry(DRUGS_TODAY, 10L);
    }

    @Test
    void aDeltaThatDoesNotFollowRevealsAGapAndChangesNothing() {
        counters.reset(new LiveCounters.Snapshot(Map.of(DRUGS_TODAY, 10L), Map.of(0, 100L)), HORIZON);

        assertThat(counters.apply(delta(103, 110, DRUGS_TODAY, 5), HORIZON)).isEqualTo(LiveCounters.Applied.GAP);

        assertThat(rows()).containsEntry(DRUGS_TODAY, 10L);
        assertThat(counters.positions()).containsEntry(0, 100L);
    }

    @Test
    void rowsNoViewReadsAreNotKept() {
        CounterKey anHour = key(CounterFamily.TASK_FORCE, Grain.HOUR, Instant.parse("2026-11-28T09:00:00Z"), "DRUGS");
        CounterKey lastWeeksFlow = key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-21T00:00:00Z"), "RO", "BG");

        counters.reset(new LiveCounters.Snapshot(Map.of(anHour, 1L, lastWeeksFlow, 2L, DRUGS_TODAY, 3L), Map.of()), HORIZON);

        assertThat(rows()).containsOnlyKeys(DRUGS_TODAY);
    }

    @Test
    void aMinuteThatLeftEveryTrendIsEvicted() {
        counters.reset(new LiveCounters.Snapshot(Map.of(DRUGS_THIS_MINUTE, 4L, DRUGS_TODAY, 4L), Map.of()), HORIZON);

        counters.evict(Horizon.at(NOW.plus(Duration.ofMinutes(181)), CenterCalendar.UTC));
        assertThat(rows()).containsKey(DRUGS_THIS_MINUTE);
        counters.evict(Horizon.at(NOW.plus(Duration.ofMinutes(182)), CenterCalendar.UTC));
        assertThat(rows()).containsOnlyKeys(DRUGS_TODAY);
    }
}
