package io.exchangepulse.live;

import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.query.Flow;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns view states into the protocol's payloads: a snapshot holds every followed view in the REST
 * shapes; a delta holds only the cells that differ from what the viewer was last sent, as absolute
 * values (so applying a delta is an overwrite and never double-counts).
 */
final class ViewMessages {

    /** A trend's change: its window now, and the steps whose count differs. */
    @RegisterForReflection
    record TrendChange(Instant from, Instant to, List<TrendPoint> points) {
    }

    @RegisterForReflection
    record TrendPoint(TaskForce taskForce, Instant t, long count) {
    }

    private ViewMessages() {
    }

    static Map<String, Object> snapshot(ViewState state) {
        Map<String, Object> views = new LinkedHashMap<>();
        putIfFollowed(views, View.YEARLY, state.yearly() == null ? null : List.copyOf(state.yearly().values()));
        putIfFollowed(views, View.CRIME_AREAS, state.crimeAreas() == null ? null : List.copyOf(state.crimeAreas().values()));
        putIfFollowed(views, View.TOTALS, state.totals());
        putIfFollowed(views, View.TREND_MINUTES, state.trendMinutes() == null ? null : state.trendMinutes().asTrend());
        putIfFollowed(views, View.TREND_DAYS, state.trendDays() == null ? null : state.trendDays().asTrend());
        putIfFollowed(views, View.FLOWS, state.flows() == null ? null : state.flows().values().stream()
                .sorted(Flow.LARGEST_FIRST).toList());
        putIfFollowed(views, View.OPERATIONS, state.operations());
        return views;
    }

    /** Empty when nothing changed. Both states come from the same subscription. */
    static Map<String, Object> changes(ViewState before, ViewState now) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (now.yearly() != null) {
            putIfAny(changes, View.YEARLY, changedValues(before.yearly(), now.yearly()));
        }
        if (now.crimeAreas() != null) {
            putIfAny(changes, View.CRIME_AREAS, changedValues(before.crimeAreas(), now.crimeAreas()));
        }
        if (now.totals() != null) {
            Map<String, Object> totals = new LinkedHashMap<>();
            if (now.totals().today() != before.totals().today()) {
                totals.put("today", now.totals().today());
            }
            if (now.totals().sameDayLastYear() != before.totals().sameDayLastYear()) {
                totals.put("sameDayLastYear", now.totals().sameDayLastYear());
            }
            if (now.totals().thisYear() != before.totals().thisYear()) {
                totals.put("thisYear", now.totals().thisYear());
            }
            if (now.totals().lastYearToDate() != before.totals().lastYearToDate()) {
                totals.put("lastYearToDate", now.totals().lastYearToDate());
            }
            if (!totals.isEmpty()) {
                changes.put(View.TOTALS.key(), totals);
            }
        }
        if (now.trendMinutes() != null) {
            trendChange(before.trendMinutes(), now.trendMinutes()).ifPresent(c -> changes.put(View.TREND_MINUTES.key(), c));
        }
        if (now.trendDays() != null) {
            trendChange(before.trendDays(), now.trendDays()).ifPresent(c -> changes.put(View.TREND_DAYS.key(), c));
        }
        if (now.flows() != null) {
            putIfAny(changes, View.FLOWS, changedValues(before.flows(), now.flows()));
        }
        if (now.operations() != null && !now.operations().equals(before.operations())) {
            changes.put(View.OPERATIONS.key(), now.operations());
        }
        return changes;
    }

    private static Optional<TrendChange> trendChange(TrendWindow before, TrendWindow now) {
        List<TrendPoint> points = new ArrayList<>();
        now.counts().forEach((taskForce, counts) -> {
            for (int i = 0; i < counts.length; i++) {
                Instant t = now.from().plus(now.step().multipliedBy(i));
                if (counts[i] != before.at(taskForce, t)) {
                    points.add(new TrendPoint(taskForce, t, counts[i]));
                }
            }
        });
        boolean moved = !now.from().equals(before.from()) || !now.to().equals(before.to());
        return moved || !points.isEmpty()
                ? Optional.of(new TrendChange(now.from(), now.to(), points))
                : Optional.empty();
    }

    private static <K, V> List<V> changedValues(Map<K, V> before, Map<K, V> now) {
        List<V> changed = new ArrayList<>();
        now.forEach((key, value) -> {
            if (!Objects.equals(before.get(key), value)) {
                changed.add(value);
            }
        });
        return changed;
    }

    private static void putIfAny(Map<String, Object> changes, View view, List<?> values) {
        if (!values.isEmpty()) {
            changes.put(view.key(), values);
        }
    }

    private static void putIfFollowed(Map<String, Object> views, View view, Object value) {
        if (value != null) {
            views.put(view.key(), value);
        }
    }
}
