package io.exchangepulse.aggregate;

import io.exchangepulse.platform.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How far behind counting is, on every replica: the exchanges in the log that are not counted yet (the
 * topic's end against the stored positions) and, when there are any, how long ago counting last reached
 * the log's present: metrics, the health check {@link CountingHealth}, and what the wall shows instead of
 * "Live" when its counts are not keeping up.
 */
@ApplicationScoped
public class CountingProgress {

    private static final Logger LOG = Logger.getLogger(CountingProgress.class);

    /** Where counting stands at one check: what waits, and since when counting has been behind. */
    public record Standing(long waiting, Duration delay) {

        static final Standing CAUGHT_UP = new Standing(0, Duration.ZERO);
    }

    @Inject
    Pool pool;

    @Inject
    Topics topics;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    private volatile Standing standing = Standing.CAUGHT_UP;
    private final Map<Integer, Sighting> sightings = new HashMap<>();
    private volatile Map<Integer, Position> lastPositions = Map.of();
    private Admin admin;

    void start(@Observes StartupEvent event) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        admin = Admin.create(config);
        Gauge.builder("pulse.counting.waiting", () -> standing.waiting())
                .description("Exchanges in the log that are not counted yet").register(metrics);
        Gauge.builder("pulse.counting.delay.seconds", () -> standing.delay().toMillis() / 1000.0)
                .description("How long counting has been behind the log (0 when it has caught up)").register(metrics);
    }

    void stop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    public Standing standing() {
        return standing;
    }

    @Scheduled(every = "${exchangepulse.aggregate.progress-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return Uni.createFrom().item(this::endOffsets).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(ends -> pool.preparedQuery("SELECT kafka_partition, next_offset, counted_through FROM consumer_offset "
                                + "WHERE topic = $1").execute(Tuple.of(topics.exchanges()))
                        .map(this::positionsOf)
                        // The database away is counting stopped: the positions it last gave stand still.
                        .onFailure().recoverWithItem(e -> lastPositions)
                        .map(positions -> standingOf(ends, positions)))
                .invoke(next -> standing = next)
                .onFailure().invoke(e -> LOG.debugf("Cannot tell how far counting is: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Map<Integer, Long> endOffsets() {
        try {
            var partitions = admin.describeTopics(List.of(topics.exchanges())).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(topics.exchanges()).partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topics.exchanges(), p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end of " + topics.exchanges(), e);
        }
    }

    /**
     * A partition with exchanges waiting is behind by how long its position has stood still, if it has not
     * moved since it was first seen waiting; by the age of the newest exchange counted in it, if counting
     * moves on but slowly. Seen waiting once at a position that just moved, it is not behind: that is counting
     * at work. The delay is that of the partition furthest behind.
     */
    private Map<Integer, Position> positionsOf(Iterable<Row> rows) {
        Map<Integer, Position> positions = new HashMap<>();
        rows.forEach(row -> positions.put(row.getInteger(0), new Position(row.getLong(1),
                row.getOffsetDateTime(2) == null ? null : row.getOffsetDateTime(2).toInstant())));
        lastPositions = positions;
        return positions;
    }

    private synchronized Standing standingOf(Map<Integer, Long> ends, Map<Integer, Position> positions) {
        Instant now = clock.instant();
        long waiting = 0;
        Duration delay = Duration.ZERO;
        for (Map.Entry<Integer, Long> end : ends.entrySet()) {
            Position row = positions.get(end.getKey());
            long next = row == null ? 0 : row.next();
            Sighting last = sightings.get(end.getKey());
            if (end.getValue() <= next) {
                sightings.put(end.getKey(), new Sighting(next, null));
                continue;
            }
            waiting += end.getValue() - next;
            Duration behind;
            if (last != null && last.position() == next) {
                Instant since = last.waitingSince() != null ? last.waitingSince() : now;
                sightings.put(end.getKey(), new Sighting(next, since));
                behind = Duration.between(since, now);
            } else {
                sightings.put(end.getKey(), new Sighting(next, now));
                behind = last == null || row == null || row.countedThrough() == null ? Duration.ZERO
                        : Duration.between(row.countedThrough(), now);
            }
            delay = behind.compareTo(delay) > 0 ? behind : delay;
        }
        return waiting == 0 ? Standing.CAUGHT_UP : new Standing(waiting, delay.isNegative() ? Duration.ZERO : delay);
    }

    /** A partition's stored position and the record time counting has reached there (null: none counted yet). */
    private record Position(long next, Instant countedThrough) {
    }

    /** A partition as the last check saw it: its stored position, and since when exchanges wait there (or null). */
    private record Sighting(long position, Instant waitingSince) {
    }
}
