package io.exchangepulse.live.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.counters.LiveRows;
import io.exchangepulse.counters.LiveWindow;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.OperationKind;
import io.exchangepulse.domain.OperationStatus;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.operations.OperationView;
import io.exchangepulse.query.CrimeAreaCount;
import io.exchangepulse.query.Flow;
import io.exchangepulse.query.TaskForceTrend;
import io.exchangepulse.query.YearlyTotals;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.live.views.TestViews.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each view rendered from a counter table made of plain rows, and the deltas between two of its states. */
class ViewsTest {

    static final Instant NOW = Instant.parse("2026-11-28T09:30:10Z");
    static final Subscription WALL = new Subscription(TestViews.all().names(), List.of(), 60, 30);
    static final Subscription DRUGS = new Subscription(WALL.views(), List.of(TaskForce.DRUGS), 3, 2);

    final Map<CounterKey, Long> rows = new HashMap<>();

    ViewInput input() {
        return new ViewInput(TestViews.table(rows), List.of(), List.of(), NOW, CenterCalendar.UTC);
    }

    @Test
    void yearlyHasARowPerYearWithItsFourCellsAndTheirTotal() {
        rows.put(key(CounterFamily.SCOPE_CHANNEL, Grain.YEAR, Instant.parse("2008-01-01T00:00:00Z"), "MEMBERS", "DAILY"), 8323L);
        rows.put(key(CounterFamily.SCOPE_CHANNEL, Grain.YEAR, Instant.parse("2008-01-01T00:00:00Z"), "MEMBER_OBSERVER", "DAILY"), 378L);
        rows.put(key(CounterFamily.SCOPE_CHANNEL, Grain.YEAR, Instant.parse("2026-01-01T00:00:00Z"), "MEMBERS", "OPERATION"), 4L);

        Map<Integer, YearlyTotals> yearly = new YearlyView().render(input(), WALL);

        assertThat(yearly.keySet()).containsExactly(2008, 2026);
        assertThat(yearly.get(2008).total()).isEqualTo(8701);
        assertThat(yearly.get(2026).membersOperations()).isEqualTo(4);
    }

    @Test
    void crimeAreasAreThisYearsOnlyTheSubscribedTaskForcesAreasEachPresent() {
        rows.put(key(CounterFamily.CRIME_AREA_KIND, Grain.YEAR, Instant.parse("2026-01-01T00:00:00Z"), "DRUG_TRAFFICKING", "REQUEST"), 7L);
        rows.put(key(CounterFamily.CRIME_AREA_KIND, Grain.YEAR, Instant.parse("2025-01-01T00:00:00Z"), "DRUG_TRAFFICKING", "REQUEST"), 99L);
        rows.put(key(CounterFamily.CRIME_AREA_KIND, Grain.YEAR, Instant.parse("2026-01-01T00:00:00Z"), "TERRORISM", "INFORMATION"), 2L);

        Map<?, CrimeAreaCount> wall = new CrimeAreasView().render(input(), WALL);
        Map<?, CrimeAreaCount> drugs = new CrimeAreasView().render(input(), DRUGS);

        assertThat(wall).hasSize(11);
        assertThat(drugs.values()).extracting(CrimeAreaCount::crimeArea).extracting(Enum::name).containsExactly("DRUG_TRAFFICKING");
        assertThat(drugs.values().iterator().next().requests()).isEqualTo(7);
    }

    @Test
    void totalsCompareTodayAndThisYearWithTheSamePeriodsLastYear() {
        rows.put(key(CounterFamily.TASK_FORCE, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "DRUGS"), 5L);
        rows.put(key(CounterFamily.TASK_FORCE, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "TERRORISM"), 1L);
        rows.put(key(CounterFamily.TASK_FORCE, Grain.DAY, Instant.parse("2025-11-28T00:00:00Z"), "DRUGS"), 3L);
        rows.put(key(CounterFamily.TASK_FORCE, Grain.DAY, Instant.parse("2025-03-01T00:00:00Z"), "DRUGS"), 30L);
        rows.put(key(CounterFamily.TASK_FORCE, Grain.DAY, Instant.parse("2025-12-01T00:00:00Z"), "DRUGS"), 300L);
        rows.put(key(CounterFamily.TASK_FORCE, Grain.YEAR, Instant.parse("2026-01-01T00:00:00Z"), "DRUGS"), 500L);

        Totals wall = new TotalsView().render(input(), WALL);
        Totals drugs = new TotalsView().render(input(), DRUGS);

        assertThat(wall).isEqualTo(new Totals(NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate(), 6, 3, 500, 33));
        assertThat(drugs.today()).isEqualTo(5);
    }

    @Test
    void totalsDeltaNamesOnlyTheFieldsThatChanged() {
        var view = new TotalsView();
        Totals before = new Totals(java.time.LocalDate.of(2026, 11, 28), 6, 3, 500, 33);

        assertThat(view.changes(before, new Totals(before.date(), 7, 3, 501, 33))).contains(Map.of("today", 7L, "thisYear", 501L));
        assertThat(view.changes(before, before)).isEmpty();
    }

    @Test
    void aMinuteTrendEndsWithTheCurrentMinuteAndCountsEachStep() {
        rows.put(key(CounterFamily.TASK_FORCE, Grain.MINUTE, Instant.parse("2026-11-28T09:30:00Z"), "DRUGS"), 4L);
        rows.put(key(CounterFamily.TASK_FORCE, Grain.MINUTE, Instant.parse("2026-11-28T09:28:00Z"), "DRUGS"), 2L);
        rows.put(key(CounterFamily.TASK_FORCE, Grain.MINUTE, Instant.parse("2026-11-28T09:27:00Z"), "DRUGS"), 9L);

        TaskForceTrend trend = (TaskForceTrend) new TrendMinutesView().snapshotOf(new TrendMinutesView().render(input(), DRUGS));

        assertThat(trend.from()).isEqualTo(Instant.parse("2026-11-28T09:28:00Z"));
        assertThat(trend.to()).isEqualTo(Instant.parse("2026-11-28T09:31:00Z"));
        assertThat(trend.step()).isEqualTo("PT1M");
        assertThat(trend.series()).singleElement().satisfies(series -> {
            assertThat(series.taskForce()).isEqualTo(TaskForce.DRUGS);
            assertThat(series.counts()).containsExactly(2, 0, 4);
            assertThat(series.total()).isEqualTo(6);
        });
    }

    @Test
    void aTrendDeltaMovesTheWindowAndSetsTheStepsThatDiffer() {
        var view = new TrendMinutesView();
        rows.put(key(CounterFamily.TASK_FORCE, Grain.MINUTE, Instant.parse("2026-11-28T09:30:00Z"), "DRUGS"), 4L);
        TrendView.Trend before = view.render(input(), DRUGS);
        rows.put(key(CounterFamily.TASK_FORCE, Grain.MINUTE, Instant.parse("2026-11-28T09:31:00Z"), "DRUGS"), 1L);
        TrendView.Trend after = view.render(new ViewInput(TestViews.table(rows), List.of(), List.of(), NOW.plusSeconds(60), CenterCalendar.UTC), DRUGS);

        TrendView.TrendChange change = (TrendView.TrendChange) view.changes(before, after).orElseThrow();

        assertThat(change.from()).isEqualTo(Instant.parse("2026-11-28T09:29:00Z"));
        assertThat(change.to()).isEqualTo(Instant.parse("2026-11-28T09:32:00Z"));
        assertThat(change.points()).containsExactly(
                new TrendView.TrendPoint(TaskForce.DRUGS, Instant.parse("2026-11-28T09:31:00Z"), 1));
        assertThat(view.changes(after, after)).isEmpty();
    }

    @Test
    void flowsAreTodaysPairsLargestFirstAndTheirDeltaTheChangedPairs() {
        var view = new FlowsView();
        rows.put(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "RO", "BG"), 3L);
        rows.put(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "BG", "RO"), 5L);
        rows.put(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-27T00:00:00Z"), "TR", "GR"), 50L);
        var before = view.render(input(), WALL);
        rows.put(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "RO", "BG"), 4L);

        assertThat((List<?>) view.snapshot(before)).extracting(flow -> ((Flow) flow).count()).containsExactly(5L, 3L);
        assertThat(view.changes(before, view.render(input(), WALL))).contains(Map.of("RO", Map.of("BG", 4L)));
    }

    @Test
    void aFlowsDeltaIsTheChangedCountsBySenderThenReceiverWithNoFieldNames() throws Exception {
        var view = new FlowsView();
        rows.put(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "RO", "BG"), 3L);
        rows.put(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "BG", "RO"), 5L);
        rows.put(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "TR", "GR"), 1L);
        var before = view.render(input(), WALL);
        rows.put(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "RO", "BG"), 4L);
        rows.put(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "RO", "INTERPOL"), 1L);
        rows.put(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "TR", "GR"), 2L);

        String delta = new ObjectMapper().writeValueAsString(view.changes(before, view.render(input(), WALL)).orElseThrow());

        assertThat(delta).isEqualTo("{\"RO\":{\"BG\":4,\"INTERPOL\":1},\"TR\":{\"GR\":2}}");
        assertThat(view.merge()).isEqualTo(new Merge("matrix", List.of("from", "to"), null, "count"));
    }

    @Test
    void theOperationsBoardKeepsItsOrderAndOnlyTheSubscribedTaskForces() {
        List<OperationView> board = List.of(
                operation("TARA", TaskForce.HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION),
                operation("ROUTE", TaskForce.DRUGS),
                operation("UNKNOWN", null));

        var view = new OperationsBoardView();
        var input = new ViewInput(TestViews.table(rows), board, List.of(), NOW, CenterCalendar.UTC);

        assertThat(view.render(input, WALL)).extracting(OperationView::id).containsExactly("TARA", "ROUTE", "UNKNOWN");
        assertThat(view.render(input, DRUGS)).extracting(OperationView::id).containsExactly("ROUTE");
    }

    @Test
    void onlyFollowedViewsAreRenderedAndOnlyTheDeclaredLiveRowsAreLive() {
        Views views = TestViews.all();
        Horizon horizon = Horizon.at(NOW, CenterCalendar.UTC);

        ViewStates states = views.render(input(), new Subscription(List.of("totals", "flows"), List.of(), 60, 30));

        assertThat(states.snapshot().keySet()).containsExactly("flows", "totals");
        assertThat(horizon.covers(key(CounterFamily.TASK_FORCE, Grain.MINUTE, Instant.parse("2026-11-28T09:00:00Z"), "DRUGS"))).isTrue();
        assertThat(horizon.covers(key(CounterFamily.TASK_FORCE, Grain.HOUR, Instant.parse("2026-11-28T09:00:00Z"), "DRUGS"))).isFalse();
        assertThat(horizon.covers(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-27T00:00:00Z"), "RO", "BG"))).isFalse();
        assertThat(horizon.covers(key(CounterFamily.FLOW, Grain.MINUTE, Instant.parse("2026-11-28T09:30:00Z"), "RO", "BG"))).isFalse();
        assertThat(horizon.covers(key(CounterFamily.CRIME_AREA_KIND, Grain.YEAR, Instant.parse("2008-01-01T00:00:00Z"), "TERRORISM", "REQUEST"))).isFalse();
        assertThat(horizon.covers(key(CounterFamily.SCOPE_CHANNEL, Grain.YEAR, Instant.parse("2008-01-01T00:00:00Z"), "MEMBERS", "DAILY"))).isTrue();
    }

    @Test
    void theTestsFindEveryViewAsTheContainerDoes() {
        assertThat(TestViews.all().names()).containsExactly(
                "alerts", "crimeAreas", "flows", "operations", "totals", "trendDays", "trendMinutes", "yearly");
    }

    @Test
    void everyViewReadsOnlyRowsAFamilyKeepsLive() {
        List<LiveRows> declared = CounterFamily.allLive();

        assertThat(TestViews.all().all()).flatMap(LiveView::rows)
                .allSatisfy(read -> assertThat(declared).anySatisfy(live -> assertThat(read.within(live)).isTrue()));
    }

    @Test
    void aViewThatReadsRowsNoFamilyKeepsLiveStopsTheStartNamingThem() {
        LiveView<?> hourlyFlows = new FlowsView() {
            @Override
            public String name() {
                return "hourlyFlows";
            }

            @Override
            public List<LiveRows> rows() {
                return List.of(new LiveRows(CounterFamily.FLOW, Grain.HOUR, LiveWindow.TODAY));
            }
        };

        assertThatThrownBy(() -> new Views(List.of(new FlowsView(), hourlyFlows)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'hourlyFlows' reads FLOW/HOUR/TODAY");
    }

    @Test
    void aDeltaOfSeveralViewsHoldsOnlyThoseThatChanged() {
        Views views = TestViews.all();
        rows.put(key(CounterFamily.TASK_FORCE, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "DRUGS"), 5L);
        ViewStates before = views.render(input(), WALL);
        rows.put(key(CounterFamily.FLOW, Grain.DAY, Instant.parse("2026-11-28T00:00:00Z"), "RO", "BG"), 1L);

        Map<String, Object> changes = views.render(input(), WALL).changesSince(before);

        assertThat(changes.keySet()).containsExactly("flows");
    }

    static OperationView operation(String id, TaskForce taskForce) {
        return new OperationView(id, id, OperationKind.REGIONAL_OPERATION, taskForce, List.of("RO", "BG"), OperationStatus.OPEN,
                null, null, null, 0, List.of(), 0, List.of());
    }
}
