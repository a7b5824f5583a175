package io.exchangepulse.aggregate;

import io.exchangepulse.domain.Exchange;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids already counted ({@code counted_exchange}), so that a resent exchange is counted once. The table
 * is partitioned by the day of counting: a partition per day is made a few days ahead, and dropped once it
 * is older than the de-duplication window. Forgetting a day is a DROP, not a DELETE of millions of rows.
 */
@ApplicationScoped
public class CountedIdRepository {

    private static final Logger LOG = Logger.getLogger(CountedIdRepository.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern DAY_PARTITION = Pattern.compile("counted_exchange_(\\d{8})");
    /** Made ahead, so that the turn of a day never waits for the hourly maintenance. */
    static final int DAYS_AHEAD = 2;

    private final Pool pool;
    private final Clock clock;
    private final int windowDays;

    CountedIdRepository(Pool pool, Clock clock,
                        @ConfigProperty(name = "exchangepulse.dedup.window-days", defaultValue = "2") int windowDays) {
        this.pool = pool;
        this.clock = clock;
        this.windowDays = windowDays;
    }

    /**
     * Records the ids as counted {@code today} and returns the exchanges not counted before (within the
     * window: the partitions that still exist).
     */
    Uni<List<Exchange>> claimNew(SqlConnection connection, Collection<Exchange> candidates, LocalDate today) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = candidates.stream().map(Exchange::id).toArray(UUID[]::new);
        return connection.preparedQuery("INSERT INTO counted_exchange (id, counted_on) "
                        + "SELECT i, $2 FROM unnest($1::uuid[]) i "
                        + "WHERE NOT EXISTS (SELECT 1 FROM counted_exchange c WHERE c.id = i) "
                        + "ON CONFLICT DO NOTHING RETURNING id")
                .execute(Tuple.of(ids, today))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    for (Row row : rows) {
                        fresh.add(row.getUUID(0));
                    }
                    return candidates.stream().filter(e -> fresh.contains(e.id())).toList();
                });
    }

    void atStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 2) StartupEvent event) {
        // Without today's partition no id can be claimed; the scheduled run tries again if this fails.
        maintain().await().atMost(Duration.ofSeconds(30));
    }

    @Scheduled(every = "${exchangepulse.dedup.maintenance-interval:1h}", delayed = "${exchangepulse.dedup.maintenance-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> maintain() {
        return maintainPartitions(LocalDate.now(clock))
                .onFailure().invoke(e -> LOG.warnf("Could not prepare the de-duplication partitions: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * Makes the partitions from yesterday to {@value #DAYS_AHEAD} days ahead of {@code today} (however long
     * the service was down) and drops the day partitions older than the window: an id counted up to
     * {@code windowDays} whole days ago is still known. Partitions not named by a day are left alone.
     */
    Uni<Void> maintainPartitions(LocalDate today) {
        List<String> statements = new ArrayList<>();
        for (int d = -1; d <= DAYS_AHEAD; d++) {
            LocalDate day = today.plusDays(d);
            statements.add("CREATE TABLE IF NOT EXISTS " + partitionOf(day)
                    + " PARTITION OF counted_exchange FOR VALUES FROM ('" + day + "') TO ('" + day.plusDays(1) + "')");
        }
        LocalDate oldestKept = today.minusDays(windowDays);
        return partitions()
                .map(names -> names.stream()
                        .filter(name -> dayOf(name).map(day -> day.isBefore(oldestKept)).orElse(false))
                        .map(name -> "DROP TABLE IF EXISTS " + name)
                        .toList())
                .chain(drops -> {
                    statements.addAll(drops);
                    return Multi.createFrom().iterable(statements)
                            .onItem().transformToUniAndConcatenate(sql -> pool.query(sql).execute())
                            .collect().last()
                            .invoke(() -> {
                                if (!drops.isEmpty()) {
                                    LOG.infof("Forgot the ids of %d day(s) past the de-duplication window", drops.size());
                                }
                            });
                })
                .replaceWithVoid();
    }

    /** The names of the table's partitions. */
    Uni<List<String>> partitions() {
        return pool.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'counted_exchange' ORDER BY 1")
                .execute()
                .map(rows -> {
                    List<String> names = new ArrayList<>();
                    rows.forEach(row -> names.add(row.getString(0)));
                    return names;
                });
    }

    static String partitionOf(LocalDate day) {
        return "counted_exchange_" + SUFFIX.format(day);
    }

    private static Optional<LocalDate> dayOf(String partition) {
        Matcher matcher = DAY_PARTITION.matcher(partition);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(matcher.group(1), SUFFIX));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
