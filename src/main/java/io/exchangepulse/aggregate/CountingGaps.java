package io.exchangepulse.aggregate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records of the exchange topic deleted (by its retention) before counting reached them. Kafka would quietly
 * start such a partition at the log's beginning; instead counting stops there and says so: readiness is down
 * (CountingGapHealth), the metric {@code pulse_counting_gap_records} counts the records lost, the wall's
 * stalled alert follows from counting standing still, and one line at ERROR names the gap and the fix. Only an
 * administrator's acceptance ({@code POST /api/v1/counting/gaps/accept}) moves the stored position on, forward
 * only, and the acceptance is kept with who gave it.
 */
@ApplicationScoped
public class CountingGaps {

    private static final Logger LOG = Logger.getLogger(CountingGaps.class);

    /** A partition whose stored position lies before the log's start: the records in between are gone. */
    @RegisterForReflection
    @Schema(name = "CountingGap", description = "Records deleted from the exchange topic before counting reached them.")
    public record Gap(
            @Schema(description = "The topic.", example = "pulse.events") String topic,
            @Schema(description = "The topic's partition.", example = "3") int partition,
            @Schema(description = "Where counting stood: the first record lost.", example = "1200") long stored,
            @Schema(description = "Where the log starts now: the first record kept.", example = "1260") long logStart) {

        @Schema(hidden = true)
        public long lost() {
            return logStart - stored;
        }
    }

    /** A batch that cannot be counted while the gap before it is not accepted; tried again until it is. */
    static final class Unaccepted extends RuntimeException {
        Unaccepted(Gap gap) {
            super("partition " + gap.partition() + " of " + gap.topic() + " has a gap of " + gap.lost() + " records not yet accepted");
        }
    }

    private final Map<Integer, Gap> open = new ConcurrentHashMap<>();

    @Inject
    Pool pool;

    @Inject
    CountingGaps(MeterRegistry metrics) {
        Gauge.builder("pulse.counting.gap.records", () -> open.values().stream().mapToLong(Gap::lost).sum())
                .description("Records deleted from the exchange topic before they were counted, waiting for an administrator")
                .register(metrics);
    }

    /**
     * Called where partitions are assigned: the gap stops counting there (and every batch that holds records of
     * that partition, so this replica's counting as a whole), and is kept for the record, where an acceptance
     * finds it.
     */
    Uni<Void> found(Gap gap) {
        open.put(gap.partition(), gap);
        LOG.errorf("Counting stops at partition %d of %s: records %d to %d were deleted from Kafka before they were counted "
                + "(%d lost). An administrator accepts the loss with POST /api/v1/counting/gaps/accept", gap.partition(), gap.topic(),
                gap.stored(), gap.logStart() - 1, gap.lost());
        return pool.preparedQuery("INSERT INTO counting_gap (topic, kafka_partition, stored_offset, log_start) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT DO NOTHING")
                .execute(Tuple.of(gap.topic(), gap.partition(), gap.stored(), gap.logStart()))
                .replaceWithVoid();
    }

    void forget(int partition) {
        open.remove(partition);
    }

    /** The gap that still stops a partition whose stored position is {@code stored}; one accepted since is closed. */
    Optional<Gap> blocking(int partition, long stored) {
        Gap gap = open.get(partition);
        if (gap != null && stored >= gap.logStart()) {
            open.remove(partition, gap);
            LOG.infof("The gap at partition %d was accepted: counting goes on from %d", partition, stored);
            return Optional.empty();
        }
        return Optional.ofNullable(gap);
    }

    public Collection<Gap> open() {
        return List.copyOf(open.values());
    }

    /**
     * Accepts every gap found and not yet accepted, on any replica: the stored positions move forward to the
     * log's start (never back: only where they still stand at the gap). Returns the gaps accepted.
     */
    public Uni<List<Gap>> accept(String by) {
        return pool.withTransaction(connection -> connection.preparedQuery("UPDATE consumer_offset SET next_offset = g.log_start, "
                                + "updated_at = now() FROM counting_gap g WHERE g.accepted_at IS NULL AND consumer_offset.topic = g.topic "
                                + "AND consumer_offset.kafka_partition = g.kafka_partition AND consumer_offset.next_offset = g.stored_offset")
                        .execute()
                        .chain(() -> connection.preparedQuery("UPDATE counting_gap SET accepted_by = $1, accepted_at = now() "
                                        + "WHERE accepted_at IS NULL RETURNING topic, kafka_partition, stored_offset, log_start")
                                .execute(Tuple.of(by))))
                .map(rows -> {
                    List<Gap> accepted = new ArrayList<>();
                    for (Row row : rows) {
                        accepted.add(new Gap(row.getString(0), row.getInteger(1), row.getLong(2), row.getLong(3)));
                    }
                    accepted.forEach(gap -> LOG.warnf("%s accepted the loss of %d records at partition %d of %s", by, gap.lost(),
                            gap.partition(), gap.topic()));
                    return accepted;
                });
    }
}
