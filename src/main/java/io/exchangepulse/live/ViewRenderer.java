package io.exchangepulse.live;

import io.exchangepulse.domain.Channel;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.Kind;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.Scope;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.operations.OperationView;
import io.exchangepulse.query.CrimeAreaCount;
import io.exchangepulse.query.Flow;
import io.exchangepulse.query.YearlyTotals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Computes what a subscription shows from the live counters, in one pass over them. */
final class ViewRenderer {

    private ViewRenderer() {
    }

    static ViewState render(Map<CounterKey, Long> rows, Subscription subscription, Instant now, List<OperationView> operations) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate sameDayLastYear = today.minusYears(1);
        long todayStart = epoch(today);
        long lastYearDay = epoch(sameDayLastYear);
        long lastYearStart = epoch(sameDayLastYear.withDayOfYear(1));
        long thisYearStart = epoch(today.withDayOfYear(1));

        Instant minutesTo = Grain.MINUTE.bucketOf(now).plus(Duration.ofMinutes(1));
        TrendWindow minutes = emptyTrend(minutesTo.minus(Duration.ofMinutes(subscription.minutes())), minutesTo,
                Duration.ofMinutes(1), subscription);
        Instant daysTo = Grain.DAY.bucketOf(now).plus(Duration.ofDays(1));
        TrendWindow days = emptyTrend(daysTo.minus(Duration.ofDays(subscription.days())), daysTo, Duration.ofDays(1), subscription);

        Map<Integer, long[]> yearly = new TreeMap<>();
        Map<CrimeArea, long[]> crimeAreas = new EnumMap<>(CrimeArea.class);
        long[] totals = new long[4];
        Map<List<Party>, Flow> flows = new HashMap<>();

        rows.forEach((key, count) -> {
            List<String> dims = key.dimensions();
            switch (key.family()) {
                case SCOPE_CHANNEL -> {
                    if (key.grain() == Grain.YEAR) {
                        int year = LocalDate.ofEpochDay(key.bucket() / 86_400).getYear();
                        yearly.computeIfAbsent(year, y -> new long[4])
                                [YearlyTotals.cell(Scope.valueOf(dims.get(0)), Channel.valueOf(dims.get(1)))] += count;
                    }
                }
                case CRIME_AREA_KIND -> {
                    CrimeArea area = CrimeArea.valueOf(dims.get(0));
                    if (key.grain() == Grain.YEAR && key.bucket() == thisYearStart && subscription.covers(area.taskForce())) {
                        crimeAreas.computeIfAbsent(area, a -> new long[2])[Kind.valueOf(dims.get(1)).ordinal()] += count;
                    }
                }
                case TASK_FORCE -> {
                    TaskForce taskForce = TaskForce.valueOf(dims.get(0));
                    if (!subscription.covers(taskForce)) {
                        return;
                    }
                    if (key.grain() == Grain.DAY) {
                        if (key.bucket() == todayStart) {
                            totals[0] += count;
                        }
                        if (key.bucket() == lastYearDay) {
                            totals[1] += count;
                        }
                        if (key.bucket() >= lastYearStart && key.bucket() <= lastYearDay) {
                            totals[3] += count;
                        }
                        add(days, taskForce, key.bucket(), count);
                    } else if (key.grain() == Grain.YEAR && key.bucket() == thisYearStart) {
                        totals[2] += count;
                    } else if (key.grain() == Grain.MINUTE) {
                        add(minutes, taskForce, key.bucket(), count);
                    }
                }
                case FLOW -> {
                    if (key.grain() == Grain.DAY && key.bucket() == todayStart) {
                        Party from = Party.valueOf(dims.get(0));
                        Party to = Party.valueOf(dims.get(1));
                        flows.put(List.of(from, to), new Flow(from, to, count));
                    }
                }
            }
        });

        return new ViewState(today,
                subscription.follows(View.YEARLY) ? yearlyRows(yearly) : null,
                subscription.follows(View.CRIME_AREAS) ? crimeAreaRows(crimeAreas, subscription) : null,
                subscription.follows(View.TOTALS) ? new Totals(today, totals[0], totals[1], totals[2], totals[3]) : null,
                subscription.follows(View.TREND_MINUTES) ? minutes : null,
                subscription.follows(View.TREND_DAYS) ? days : null,
                subscription.follows(View.FLOWS) ? flows : null,
                subscription.follows(View.OPERATIONS) ? operations.stream()
                        .filter(o -> subscription.allTaskForces() || (o.taskForce() != null && subscription.covers(o.taskForce())))
                        .toList() : null);
    }

    private static TrendWindow emptyTrend(Instant from, Instant to, Duration step, Subscription subscription) {
        int points = (int) (Duration.between(from, to).toMillis() / step.toMillis());
        Map<TaskForce, long[]> counts = new EnumMap<>(TaskForce.class);
        for (TaskForce taskForce : TaskForce.values()) {
            if (subscription.covers(taskForce)) {
                counts.put(taskForce, new long[points]);
            }
        }
        return new TrendWindow(from, to, step, counts);
    }

    private static void add(TrendWindow trend, TaskForce taskForce, long bucket, long count) {
        Instant t = Instant.ofEpochSecond(bucket);
        if (!t.isBefore(trend.from()) && t.isBefore(trend.to())) {
            trend.counts().get(taskForce)[(int) (Duration.between(trend.from(), t).toMillis() / trend.step().toMillis())] += count;
        }
    }

    private static Map<Integer, YearlyTotals> yearlyRows(Map<Integer, long[]> cells) {
        Map<Integer, YearlyTotals> rows = new TreeMap<>();
        cells.forEach((year, c) -> rows.put(year, YearlyTotals.of(year, c)));
        return rows;
    }

    private static Map<CrimeArea, CrimeAreaCount> crimeAreaRows(Map<CrimeArea, long[]> counts, Subscription subscription) {
        return CrimeAreaCount.table(counts).stream()
                .filter(row -> subscription.covers(row.taskForce()))
                .collect(Collectors.toMap(CrimeAreaCount::crimeArea, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static long epoch(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
