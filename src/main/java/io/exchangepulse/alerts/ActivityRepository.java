package io.exchangepulse.alerts;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterRetention;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The activity alerts are judged on, read from the counters: per task force and per crime area, the count
 * in the window that ends now, the counts of the windows before it, and the same window a year ago.
 */
@ApplicationScoped
public class ActivityRepository {

    /**
     * The activity of one family's subjects (task forces or crime areas) in one window. {@code history} holds the
     * past windows since counting began (before that nothing is known, which is not the same as nothing
     * happened), oldest first; a subject without a row in one had no exchanges in it.
     */
    public record Activity(Map<String, Long> observed, Map<String, long[]> history, int known, Map<String, Long> lastYear) {

        public long[] historyOf(String code) {
            return history.getOrDefault(code, new long[known]);
        }
    }

    @Inject
    @ReactiveDataSource("queries")
    Pool pool;

    @Inject
    CounterRetention retention;

    @Inject
    CenterCalendar calendar;

    /** {@code family} is {@link CounterFamily#TASK_FORCE} or {@link CounterFamily#CRIME_AREA_KIND} (kinds summed). */
    public Uni<Activity> activity(CounterFamily family, AlertsConfig.Window window, Instant now) {
        String subject = family.columns().get(0);
        Duration step = window.observeGrain().step().orElseThrow();
        Instant observedFrom = calendar.bucketOf(window.observeGrain(), now).minus(window.length()).plus(step);
        Instant current = calendar.bucketOf(window.baselineGrain(), now);
        int windows = (int) (window.lookback().toSeconds() / window.length().toSeconds());
        Instant lookbackFrom = current.minus(window.length().multipliedBy(windows));
        Instant yearAgo = now.atZone(calendar.zone()).minusYears(1).toInstant();
        // A year back the observed grain (minutes) may be forgotten already: then the window is read in the
        // baseline's buckets (the clock hour that holds the moment a year ago).
        Grain lastYearGrain = retention.keeps(window.observeGrain(), calendar.bucketOf(window.observeGrain(), yearAgo).minus(window.length()), now)
                ? window.observeGrain() : window.baselineGrain();
        Instant lastYearFrom = calendar.bucketOf(lastYearGrain, yearAgo).minus(window.length()).plus(lastYearGrain.step().orElseThrow());
        String sums = "SELECT " + subject + ", sum(n)::bigint FROM " + family.table()
                + " WHERE grain = $1 AND bucket >= $2 AND bucket <= $3 GROUP BY 1";
        // The primary key leads with (grain, bucket): the first counted window is one index probe.
        Uni<Instant> historyFrom = pool.preparedQuery("SELECT min(bucket) FROM " + family.table() + " WHERE grain = $1")
                .execute(Tuple.of(window.baselineGrain().name()))
                .map(rows -> {
                    OffsetDateTime first = rows.iterator().next().getOffsetDateTime(0);
                    if (first == null || !first.toInstant().isAfter(lookbackFrom)) {
                        return lookbackFrom;
                    }
                    long skipped = Duration.between(lookbackFrom, first.toInstant()).toSeconds() / window.length().toSeconds();
                    return lookbackFrom.plus(window.length().multipliedBy(Math.min(skipped, windows)));
                });
        return Uni.combine().all().unis(
                        sums(sums, window.observeGrain(), observedFrom, now),
                        historyFrom.chain(from -> history(family, subject, window, from, current)
                                .map(history -> Map.entry(from, history))),
                        sums(sums, lastYearGrain, lastYearFrom, yearAgo))
                .with((observed, history, lastYear) -> new Activity(observed, history.getValue(),
                        (int) (Duration.between(history.getKey(), current).toSeconds() / window.length().toSeconds()), lastYear));
    }

    private Uni<Map<String, long[]>> history(CounterFamily family, String subject, AlertsConfig.Window window, Instant from,
                                             Instant current) {
        int known = (int) (Duration.between(from, current).toSeconds() / window.length().toSeconds());
        return pool.preparedQuery("SELECT " + subject + ", bucket, sum(n)::bigint FROM " + family.table()
                        + " WHERE grain = $1 AND bucket >= $2 AND bucket < $3 GROUP BY 1, 2")
                .execute(Tuple.of(window.baselineGrain().name(), from.atOffset(ZoneOffset.UTC), current.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<String, long[]> history = new HashMap<>();
                    for (Row row : rows) {
                        int index = (int) (Duration.between(from, row.getOffsetDateTime(1).toInstant()).toSeconds()
                                / window.length().toSeconds());
                        history.computeIfAbsent(row.getString(0), code -> new long[known])[index] += row.getLong(2);
                    }
                    return history;
                });
    }

    private Uni<Map<String, Long>> sums(String sql, Grain grain, Instant from, Instant to) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(grain.name(), from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<String, Long> sums = new HashMap<>();
                    for (Row row : rows) {
                        sums.put(row.getString(0), row.getLong(1));
                    }
                    return sums;
                });
    }
}
