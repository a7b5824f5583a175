package io.exchangepulse.aggregate;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the de-duplication window: a partition of {@code counted_exchange} per day, made a few days
 * ahead, and dropped once it is older than the window. Forgetting a day is a DROP, not a DELETE.
 */
@ApplicationScoped
public class CountedIdPartitions {

    private static final Logger LOG = Logger.getLogger(CountedIdPartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int DAYS_AHEAD = 2;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** Ids counted within this many days are recognised (at least 24 hours, as the contract asks). */
    @ConfigProperty(name = "exchangepulse.dedup.window-days", defaultValue = "2")
    int windowDays;

    void atStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 2) StartupEvent event) {
        // Without today's partition no id can be claimed; the scheduled run tries again if this fails.
        maintain().await().atMost(Duration.ofSeconds(30));
    }

    @Scheduled(every = "${exchangepulse.dedup.maintenance-interval:1h}", delayed = "${exchangepulse.dedup.maintenance-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> maintain() {
        return rollPartitions()
                .onFailure().invoke(e -> LOG.warnf("Could not prepare the de-duplication partitions: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> rollPartitions() {
        LocalDate today = LocalDate.now(clock);
        List<String> statements = new ArrayList<>();
        for (int d = -1; d <= DAYS_AHEAD; d++) {
            LocalDate day = today.plusDays(d);
            statements.add("CREATE TABLE IF NOT EXISTS counted_exchange_" + SUFFIX.format(day)
                    + " PARTITION OF counted_exchange FOR VALUES FROM ('" + day + "') TO ('" + day.plusDays(1) + "')");
        }
        // Keeps [today - windowDays, today]: an id counted up to windowDays whole days ago is still known.
        LocalDate oldestKept = today.minusDays(windowDays);
        return pool.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'counted_exchange'")
                .execute()
                .map(rows -> {
                    List<String> drops = new ArrayList<>();
                    rows.forEach(row -> {
                        String name = row.getString(0);
                        LocalDate day = LocalDate.parse(name.substring(name.lastIndexOf('_') + 1), SUFFIX);
                        if (day.isBefore(oldestKept)) {
                            drops.add("DROP TABLE IF EXISTS " + name);
                        }
                    });
                    return drops;
                })
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
}
