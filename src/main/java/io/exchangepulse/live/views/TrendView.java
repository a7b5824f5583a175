package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.LiveRows;
import io.exchangepulse.counters.LiveWindow;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.query.TaskForceTrend;
import io.exchangepulse.query.TrendGrid;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task-force trend of one grain ending with the current step: the shape of
 * {@code GET /api/v1/task-forces/trend}. Its delta moves the window and sets the steps that changed.
 */
public abstract class TrendView implements LiveView<TrendView.Trend> {

    /** A trend as a view holds it: its steps and, per subscribed task force, a count per step. */
    public record Trend(TrendGrid grid, Map<TaskForce, long[]> counts) {

        long at(TaskForce taskForce, Instant t) {
            long[] series = counts.get(taskForce);
            int index = grid.indexOf(t);
            return series == null || index < 0 ? 0 : series[index];
        }
    }

    /** A trend's change: its window now, and the steps whose count differs. */
    @RegisterForReflection
    public record TrendChange(Instant from, Instant to, List<TrendPoint> points) {
    }

    @RegisterForReflection
    public record TrendPoint(TaskForce taskForce, Instant t, long count) {
    }

    private final LiveRows rows;

    protected TrendView(Grain grain, LiveWindow window) {
        this.rows = new LiveRows(CounterFamily.TASK_FORCE, grain, window);
    }

    /** How many steps the subscription asks for. */
    protected abstract int steps(Subscription subscription);

    @Override
    public Merge merge() {
        return Merge.trend(rows.grain().step().orElseThrow().toString());
    }

    @Override
    public List<LiveRows> rows() {
        return List.of(rows);
    }

    @Override
    public Trend render(ViewInput input, Subscription subscription) {
        TrendGrid grid = TrendGrid.endingAt(input.calendar(), rows.grain(), input.now(), steps(subscription));
        Map<TaskForce, long[]> counts = new EnumMap<>(TaskForce.class);
        for (TaskForce taskForce : TaskForce.values()) {
            if (subscription.covers(taskForce)) {
                counts.put(taskForce, new long[grid.length()]);
            }
        }
        input.counters().forEach(rows, (key, count) -> {
            long[] series = counts.get(TaskForce.valueOf(key.dimensions().get(0)));
            int index = grid.indexOf(key.bucket());
            if (series != null && index >= 0) {
                series[index] += count;
            }
        });
        return new Trend(grid, counts);
    }

    @Override
    public Object snapshot(Trend state) {
        return TaskForceTrend.of(state.grid(), state.counts());
    }

    @Override
    public Optional<Object> changes(Trend before, Trend after) {
        List<TrendPoint> points = new ArrayList<>();
        after.counts().forEach((taskForce, counts) -> {
            for (int i = 0; i < counts.length; i++) {
                Instant t = after.grid().at(i);
                if (counts[i] != before.at(taskForce, t)) {
                    points.add(new TrendPoint(taskForce, t, counts[i]));
                }
            }
        });
        boolean moved = !after.grid().from().equals(before.grid().from()) || !after.grid().to().equals(before.grid().to());
        return moved || !points.isEmpty()
                ? Optional.of(new TrendChange(after.grid().from(), after.grid().to(), points))
                : Optional.empty();
    }
}
