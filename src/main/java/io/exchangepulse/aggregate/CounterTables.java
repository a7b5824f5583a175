package io.exchangepulse.aggregate;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterRetention;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.platform.CenterClock;
import io.exchangepulse.platform.StartupFailure;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counter tables as {@link CounterFamily} declares them: each family's table partitioned by grain, each
 * grain's rows by bucket time in partitions of the grain's span ({@link Grain#partitionSpan()}). Partitions
 * are made ahead of the calendar, and for any older bucket a batch brings, before the batch's transaction
 * (two replicas making the same one is harmless); a grain's partitions whose every bucket is past its
 * retention ({@link CounterRetention}) and a day more are dropped whole: nothing is ever deleted row by row,
 * and the day keeps a batch that was about to write an old bucket from finding its partition gone.
 */
@ApplicationScoped
public class CounterTables {

    private static final Logger LOG = Logger.getLogger(CounterTables.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHH");
    /** How long past its retention a partition is kept, so no batch in flight writes to one just dropped. */
    static final Duration DROP_MARGIN = Duration.ofDays(1);
    /** How far ahead of now partitions are made, so the turn of a day or month never waits for maintenance. */
    static final Duration AHEAD = Duration.ofDays(2);

    /** A partition's range of buckets, from (inclusive) to (exclusive); a null bound is unbounded. */
    record Range(String name, Instant from, Instant to) {

        boolean holds(Instant bucket) {
            return (from == null || !bucket.isBefore(from)) && (to == null || bucket.isBefore(to));
        }
    }

    @Inject
    Pool pool;

    @Inject
    CenterClock clock;

    @Inject
    CounterRetention retention;

    /** The range partitions of each family's grain, by their first bucket: the catalog as last read, replaced whole. */
    private volatile Map<String, NavigableMap<Instant, Range>> partitions = Map.of();

    void atStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        try {
            retention.of(Grain.MINUTE);
        } catch (RuntimeException e) {
            StartupFailure.exit(StartupFailure.rootMessage(e));
            return;
        }
        // Not awaited: readiness does not need it, and a batch makes any partition it needs itself (ensureFor).
        maintain().subscribe().with(done -> LOG.debug("Counter partitions kept"));
    }

    /** Makes the partitions due by the calendar, and drops those past retention. */
    @Scheduled(every = "${exchangepulse.counters.maintenance-interval:PT1H}", delayed = "${exchangepulse.counters.maintenance-interval:PT1H}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> maintain() {
        return maintain(clock.instant())
                .onFailure().invoke(e -> LOG.warnf("Could not keep the counter partitions: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** The maintenance at {@code now}: what the schedule runs, with the moment given. */
    Uni<Void> maintain(Instant now) {
        List<String> statements = new ArrayList<>();
        for (CounterFamily family : CounterFamily.values()) {
            statements.add("CREATE TABLE IF NOT EXISTS " + family.table() + " (grain text NOT NULL, bucket timestamptz NOT NULL, "
                    + String.join(" text NOT NULL, ", family.columns()) + " text NOT NULL, n bigint NOT NULL, "
                    + "PRIMARY KEY (grain, bucket, " + String.join(", ", family.columns()) + ")) PARTITION BY LIST (grain)");
            for (Grain grain : family.grains()) {
                statements.add("CREATE TABLE IF NOT EXISTS " + family.table(grain) + " PARTITION OF " + family.table()
                        + " FOR VALUES IN ('" + grain + "') PARTITION BY RANGE (bucket)");
            }
        }
        return run(statements)
                .chain(this::refresh)
                .chain(() -> {
                    List<Instant> due = new ArrayList<>();
                    for (Instant t = now.minus(Duration.ofDays(1)); !t.isAfter(now.plus(AHEAD)); t = t.plus(Duration.ofHours(1))) {
                        due.add(t);
                    }
                    return ensure(due, now);
                })
                .chain(() -> drop(now));
    }

    /**
     * Makes sure every bucket the moments fall in, of every grain while kept, has its partition. Minutes are the
     * finest buckets, so a batch of live traffic is a handful of them to look up.
     */
    public Uni<Void> ensureFor(Collection<Instant> moments) {
        Set<Instant> minutes = new TreeSet<>();
        moments.forEach(moment -> minutes.add(clock.calendar().bucketOf(Grain.MINUTE, moment)));
        return ensure(minutes, clock.instant());
    }

    /** Whether a row of the grain and bucket is still written: rows of buckets past retention are not. */
    boolean keeps(Grain grain, Instant bucket, Instant now) {
        return retention.keeps(grain, bucket, now);
    }

    /** Forgets what the catalog said, after a write found a partition missing: the next batch reads it again. */
    void forget() {
        partitions = Map.of();
    }

    private Uni<Void> ensure(Collection<Instant> instants, Instant now) {
        List<String> creates = missing(instants, now);
        if (creates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Another replica may make the same partition at the same moment: whatever failed, the catalog decides.
        return Multi.createFrom().iterable(creates)
                .onItem().transformToUniAndConcatenate(sql -> pool.query(sql).execute().replaceWithVoid()
                        .onFailure().invoke(e -> LOG.debugf("Making a partition failed (%s); reading the catalog", e.getMessage()))
                        .onFailure().recoverWithNull())
                .collect().last()
                .chain(this::refresh)
                .chain(() -> {
                    List<String> still = missing(instants, now);
                    return still.isEmpty() ? Uni.createFrom().voidItem()
                            : Uni.createFrom().failure(new IllegalStateException("counter partitions could not be made: " + still));
                });
    }

    private List<String> missing(Collection<Instant> instants, Instant now) {
        Set<String> creates = new LinkedHashSet<>();
        for (CounterFamily family : CounterFamily.values()) {
            for (Grain grain : family.grains()) {
                NavigableMap<Instant, Range> ranges = partitions.getOrDefault(family.table(grain), new TreeMap<>());
                for (Instant instant : instants) {
                    Instant bucket = clock.calendar().bucketOf(grain, instant);
                    Map.Entry<Instant, Range> holder = ranges.floorEntry(bucket);
                    if (!keeps(grain, bucket, now) || holder != null && holder.getValue().holds(bucket)) {
                        continue;
                    }
                    creates.add(createFor(family.table(grain), grain, bucket, ranges));
                }
            }
        }
        return new ArrayList<>(creates);
    }

    /** The partition of the grain's span around the bucket, cut short where a neighbour already holds buckets. */
    private static String createFor(String table, Grain grain, Instant bucket, NavigableMap<Instant, Range> ranges) {
        Instant from = grain.partitionOf(bucket);
        Instant to = grain.partitionAfter(from);
        for (Range range : ranges.values()) {
            if (range.to() != null && !range.to().isAfter(bucket) && range.to().isAfter(from)) {
                from = range.to();
            }
            if (range.from() != null && range.from().isAfter(bucket) && range.from().isBefore(to)) {
                to = range.from();
            }
        }
        return "CREATE TABLE IF NOT EXISTS " + table + "_" + SUFFIX.format(LocalDateTime.ofInstant(from, ZoneOffset.UTC))
                + " PARTITION OF " + table + " FOR VALUES FROM ('" + from + "') TO ('" + to + "')";
    }

    private Uni<Void> drop(Instant now) {
        List<String> drops = new ArrayList<>();
        for (CounterFamily family : CounterFamily.values()) {
            for (Grain grain : family.grains()) {
                retention.oldestKept(grain, now).ifPresent(oldest -> partitions.getOrDefault(family.table(grain), new TreeMap<>())
                        .values().stream()
                        .filter(range -> range.to() != null && !range.to().isAfter(oldest.minus(DROP_MARGIN)))
                        .forEach(range -> drops.add("DROP TABLE IF EXISTS " + range.name())));
            }
        }
        if (drops.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return run(drops)
                .invoke(() -> LOG.infof("Dropped %d counter partition(s) past their retention", drops.size()))
                .chain(this::refresh);
    }

    /** Reads every counter partition's range from the catalog. */
    private Uni<Void> refresh() {
        List<String> tables = new ArrayList<>();
        for (CounterFamily family : CounterFamily.values()) {
            family.grains().forEach(grain -> tables.add(family.table(grain)));
        }
        return pool.preparedQuery("SELECT p.relname, c.relname, "
                        + "(regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \\(''([^'']*)''\\)'))[1]::timestamptz, "
                        + "(regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']*)''\\)'))[1]::timestamptz "
                        + "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
                        + "WHERE p.relname = ANY($1)")
                .execute(Tuple.of(tables.toArray(String[]::new)))
                .invoke(rows -> {
                    Map<String, NavigableMap<Instant, Range>> read = new HashMap<>();
                    tables.forEach(table -> read.put(table, new TreeMap<>()));
                    for (Row row : rows) {
                        Instant from = instant(row.getOffsetDateTime(2));
                        read.get(row.getString(0)).put(from == null ? Instant.MIN : from,
                                new Range(row.getString(1), from, instant(row.getOffsetDateTime(3))));
                    }
                    partitions = read;
                })
                .replaceWithVoid();
    }

    /** The partitions of the family's grain, as the catalog said when last read. */
    List<Range> partitionsOf(CounterFamily family, Grain grain) {
        return List.copyOf(partitions.getOrDefault(family.table(grain), new TreeMap<>()).values());
    }

    private Uni<Void> run(List<String> statements) {
        return Multi.createFrom().iterable(statements)
                .onItem().transformToUniAndConcatenate(sql -> pool.query(sql).execute())
                .collect().last()
                .replaceWithVoid();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
