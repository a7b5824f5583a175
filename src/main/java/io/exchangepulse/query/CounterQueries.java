package io.exchangepulse.query;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.domain.Abbreviated;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Channel;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.ExchangeKind;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.Scope;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.platform.Problem;
import io.exchangepulse.platform.ProblemException;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The read side of the counters: each query is one statement over the counter tables, on a pool of its own
 * with a statement timeout, so that no query, however heavy, holds up counting or runs on.
 */
@ApplicationScoped
public class CounterQueries {

    @Inject
    @ReactiveDataSource("queries")
    Pool pool;

    @Inject
    CenterCalendar calendar;

    public Uni<List<YearlyTotals>> yearlyTotals() {
        return pool.preparedQuery("SELECT extract(year FROM bucket AT TIME ZONE $1)::int, scope, channel, sum(n)::bigint FROM "
                        + CounterFamily.SCOPE_CHANNEL.table() + " WHERE grain = 'YEAR' GROUP BY 1, 2, 3")
                .execute(Tuple.of(calendar.zone().getId()))
                .map(rows -> {
                    Map<Integer, long[]> byYear = new TreeMap<>();
                    for (Row row : rows) {
                        long[] cells = byYear.computeIfAbsent(row.getInteger(0), year -> new long[4]);
                        cells[YearlyTotals.cell(Scope.valueOf(row.getString(1)), Channel.valueOf(row.getString(2)))] += row.getLong(3);
                    }
                    List<YearlyTotals> totals = new ArrayList<>();
                    byYear.forEach((year, cells) -> totals.add(YearlyTotals.of(year, cells)));
                    return totals;
                })
                .onFailure().transform(CounterQueries::unavailable);
    }

    public Uni<List<CrimeAreaCount>> crimeAreas(int year) {
        Instant bucket = calendar.startOfYear(year);
        return pool.preparedQuery("SELECT crime_area, kind, n FROM " + CounterFamily.CRIME_AREA_KIND.table()
                        + " WHERE grain = 'YEAR' AND bucket = $1")
                .execute(Tuple.of(bucket.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<CrimeArea, long[]> counts = new EnumMap<>(CrimeArea.class);
                    for (Row row : rows) {
                        counts.computeIfAbsent(CrimeArea.valueOf(row.getString(0)), area -> new long[2])
                                [ExchangeKind.valueOf(row.getString(1)).ordinal()] += row.getLong(2);
                    }
                    return CrimeAreaCount.table(counts);
                })
                .onFailure().transform(CounterQueries::unavailable);
    }

    public Uni<TaskForceYear> taskForceYear(int year) {
        return pool.preparedQuery("SELECT task_force, grain, extract(month FROM bucket AT TIME ZONE $3)::int, sum(n)::bigint FROM "
                        + CounterFamily.TASK_FORCE.table() + " WHERE (grain = 'YEAR' AND bucket = $1)"
                        + " OR (grain = 'DAY' AND bucket >= $1 AND bucket < $2) GROUP BY 1, 2, 3")
                .execute(Tuple.of(calendar.startOfYear(year).atOffset(ZoneOffset.UTC), calendar.startOfYear(year + 1).atOffset(ZoneOffset.UTC),
                        calendar.zone().getId()))
                .map(rows -> {
                    Map<TaskForce, Long> totals = new EnumMap<>(TaskForce.class);
                    Map<TaskForce, long[]> months = new EnumMap<>(TaskForce.class);
                    for (Row row : rows) {
                        TaskForce taskForce = TaskForce.valueOf(row.getString(0));
                        if (Grain.valueOf(row.getString(1)) == Grain.YEAR) {
                            totals.merge(taskForce, row.getLong(3), Long::sum);
                        } else {
                            months.computeIfAbsent(taskForce, t -> new long[12])[row.getInteger(2) - 1] += row.getLong(3);
                        }
                    }
                    boolean monthsKept = !months.isEmpty();
                    if (monthsKept) {
                        for (TaskForce taskForce : TaskForce.values()) {
                            months.putIfAbsent(taskForce, new long[12]);
                        }
                    }
                    return new TaskForceYear(year, totals, months, monthsKept);
                })
                .onFailure().transform(CounterQueries::unavailable);
    }

    /** The grid's steps are of {@code grain}. */
    public Uni<TaskForceTrend> trend(Grain grain, TrendGrid grid, Set<TaskForce> taskForces) {
        return pool.preparedQuery("SELECT task_force, bucket, n FROM " + CounterFamily.TASK_FORCE.table()
                        + " WHERE grain = $1 AND bucket >= $2 AND bucket < $3")
                .execute(Tuple.of(grain.name(), grid.from().atOffset(ZoneOffset.UTC), grid.to().atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<TaskForce, long[]> counts = new EnumMap<>(TaskForce.class);
                    taskForces.forEach(tf -> counts.put(tf, new long[grid.length()]));
                    for (Row row : rows) {
                        long[] series = counts.get(TaskForce.valueOf(row.getString(0)));
                        if (series != null) {
                            series[grid.indexOf(row.getOffsetDateTime(1).toInstant())] += row.getLong(2);
                        }
                    }
                    return TaskForceTrend.of(grid, counts);
                })
                .onFailure().transform(CounterQueries::unavailable);
    }

    /** {@code from} and {@code to} whole minutes. */
    public Uni<List<Flow>> flows(Instant from, Instant to) {
        List<BucketCover.Segment> segments = BucketCover.of(calendar, from, to);
        if (segments.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder where = new StringBuilder();
        Tuple tuple = Tuple.tuple();
        for (BucketCover.Segment segment : segments) {
            int p = tuple.size();
            where.append(where.isEmpty() ? "" : " OR ")
                    .append("(grain = $").append(p + 1).append(" AND bucket >= $").append(p + 2)
                    .append(" AND bucket < $").append(p + 3).append(')');
            tuple.addString(segment.grain().name())
                    .addValue(segment.from().atOffset(ZoneOffset.UTC))
                    .addValue(segment.to().atOffset(ZoneOffset.UTC));
        }
        return pool.preparedQuery("SELECT from_party, to_party, sum(n)::bigint FROM " + CounterFamily.FLOW.table()
                        + " WHERE " + where + " GROUP BY 1, 2")
                .execute(tuple)
                .map(rows -> {
                    List<Flow> flows = new ArrayList<>();
                    for (Row row : rows) {
                        flows.add(new Flow(Party.valueOf(row.getString(0)), Party.valueOf(row.getString(1)), row.getLong(2)));
                    }
                    flows.sort(Flow.LARGEST_FIRST);
                    return flows;
                })
                .onFailure().transform(CounterQueries::unavailable);
    }

    /** The database is away, or the query took longer than its statement timeout: the client may try again. */
    private static Throwable unavailable(Throwable failure) {
        return new ProblemException(Problem.of("counters-unavailable", "Counters unavailable", 503,
                "the counters cannot be read now (" + Abbreviated.of(failure.getMessage(), 120) + "); try again after "
                        + "Retry-After seconds"), "5");
    }
}
