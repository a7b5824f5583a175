package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.LiveRows;
import io.exchangepulse.counters.LiveWindow;
import io.exchangepulse.domain.Channel;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.Scope;
import io.exchangepulse.query.YearlyTotals;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The seed's "Total exchanges" table with the live years: the rows of {@code GET /api/v1/totals/yearly}. */
@Singleton
public class YearlyView implements LiveView<Map<Integer, YearlyTotals>> {

    @Override
    public String name() {
        return "yearly";
    }

    @Override
    public boolean byTaskForce() {
        return false;
    }

    @Override
    public Merge merge() {
        return Merge.rows("year");
    }

    private static final LiveRows YEARS = new LiveRows(CounterFamily.SCOPE_CHANNEL, Grain.YEAR, LiveWindow.ALL);

    @Override
    public List<LiveRows> rows() {
        return List.of(YEARS);
    }

    /** The whole center's years: the seed's table has no task-force dimension. */
    @Override
    public Map<Integer, YearlyTotals> render(ViewInput input, Subscription subscription) {
        Map<Integer, long[]> cells = new TreeMap<>();
        input.counters().forEach(YEARS, (key, count) -> {
            int year = input.calendar().yearOf(Instant.ofEpochSecond(key.bucket()));
            List<String> dimensions = key.dimensions();
            cells.computeIfAbsent(year, y -> new long[4])
                    [YearlyTotals.cell(Scope.valueOf(dimensions.get(0)), Channel.valueOf(dimensions.get(1)))] += count;
        });
        Map<Integer, YearlyTotals> rows = new TreeMap<>();
        cells.forEach((year, c) -> rows.put(year, YearlyTotals.of(year, c)));
        return rows;
    }

    @Override
    public Object snapshot(Map<Integer, YearlyTotals> state) {
        return List.copyOf(state.values());
    }

    @Override
    public Optional<Object> changes(Map<Integer, YearlyTotals> before, Map<Integer, YearlyTotals> after) {
        return Changes.changedRows(before, after);
    }
}
