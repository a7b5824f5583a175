package io.exchangepulse.aggregate;

import io.exchangepulse.domain.Exchange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * The SQL of counting, on the reactive PostgreSQL client: every statement takes a whole batch at once
 * (PostgreSQL arrays through {@code unnest}), so a batch costs a handful of round trips, not one per event.
 */
@ApplicationScoped
public class CounterRepository {

    private static final Logger LOG = Logger.getLogger(CounterRepository.class);

    private final Map<CounterFamily, String> upserts = new EnumMap<>(CounterFamily.class);

    @Inject
    Pool pool;

    CounterRepository() {
        for (CounterFamily family : CounterFamily.values()) {
            String dims = String.join(", ", family.columns());
            StringBuilder arrays = new StringBuilder("$1::text[], $2::timestamptz[]");
            for (int i = 0; i < family.columns().size(); i++) {
                arrays.append(", $").append(i + 3).append("::text[]");
            }
            arrays.append(", $").append(family.columns().size() + 3).append("::bigint[]");
            upserts.put(family, "INSERT INTO " + family.table() + " (grain, bucket, " + dims + ", n) "
                    + "SELECT * FROM unnest(" + arrays + ") "
                    + "ON CONFLICT (grain, bucket, " + dims + ") DO UPDATE SET n = " + family.table() + ".n + EXCLUDED.n");
        }
    }

    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /**
     * Locks the consumer positions of these partitions for this transaction and returns them (0 for a
     * partition never seen). Whoever else holds a partition's lock, after a rebalance, waits here.
     */
    Uni<Map<Integer, Long>> lockPositions(SqlConnection connection, String topic, Collection<Integer> partitions) {
        Integer[] ids = partitions.stream().sorted().toArray(Integer[]::new);
        return connection.preparedQuery("INSERT INTO consumer_offset (topic, kafka_partition, next_offset) "
                        + "SELECT $1, p, 0 FROM unnest($2::int[]) p ON CONFLICT DO NOTHING")
                .execute(Tuple.of(topic, ids))
                .chain(() -> connection.preparedQuery("SELECT kafka_partition, next_offset FROM consumer_offset "
                                + "WHERE topic = $1 AND kafka_partition = ANY($2::int[]) ORDER BY kafka_partition FOR UPDATE")
                        .execute(Tuple.of(topic, ids)))
                .map(CounterRepository::positionsOf);
    }

    /**
     * The positions to resume from, read outside any batch (on partition assignment). Positions stored for
     * another incarnation of the topic (another topic id) are forgotten first: that topic's offsets mean
     * nothing in this one, which is counted from its beginning (ids already counted are still recognised).
     */
    Uni<Map<Integer, Long>> positions(String topic, String topicId, Collection<Integer> partitions) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                                "DELETE FROM consumer_offset WHERE topic = $1 AND topic_id IS NOT NULL AND topic_id <> $2")
                        .execute(Tuple.of(topic, topicId))
                        .invoke(deleted -> {
                            if (deleted.rowCount() > 0) {
                                LOG.warnf("Topic %s is not the one the stored positions were for (its id is now %s): "
                                        + "counting it from its beginning; ids counted within the de-duplication window "
                                        + "are not counted again", topic, topicId);
                            }
                        })
                        .chain(() -> connection.preparedQuery("UPDATE consumer_offset SET topic_id = $2 "
                                + "WHERE topic = $1 AND topic_id IS NULL").execute(Tuple.of(topic, topicId)))
                        // A partition first seen now is tied to this topic from the start.
                        .chain(() -> connection.preparedQuery("INSERT INTO consumer_offset (topic, kafka_partition, next_offset, topic_id) "
                                        + "SELECT $1, p, 0, $2 FROM unnest($3::int[]) p ON CONFLICT DO NOTHING")
                                .execute(Tuple.of(topic, topicId, partitions.toArray(Integer[]::new))))
                        .chain(() -> storedPositions(connection, topic)));
    }

    /**
     * The positions stored for a topic, through any client (a transaction's connection or the pool): what
     * the counters include, and what the live views compare themselves with.
     */
    public Uni<Map<Integer, Long>> storedPositions(SqlClient client, String topic) {
        return client.preparedQuery("SELECT kafka_partition, next_offset FROM consumer_offset WHERE topic = $1")
                .execute(Tuple.of(topic))
                .map(CounterRepository::positionsOf);
    }

    private static Map<Integer, Long> positionsOf(RowSet<Row> rows) {
        Map<Integer, Long> positions = new HashMap<>();
        for (Row row : rows) {
            positions.put(row.getInteger(0), row.getLong(1));
        }
        return positions;
    }

    Uni<Void> storePositions(SqlConnection connection, String topic, Map<Integer, Long> nextOffsets) {
        List<Integer> partitions = new ArrayList<>(nextOffsets.keySet());
        return connection.preparedQuery("UPDATE consumer_offset SET next_offset = u.next_offset, updated_at = now() "
                        + "FROM unnest($2::int[], $3::bigint[]) AS u(kafka_partition, next_offset) "
                        + "WHERE consumer_offset.topic = $1 AND consumer_offset.kafka_partition = u.kafka_partition")
                .execute(Tuple.of(topic, partitions.toArray(Integer[]::new),
                        partitions.stream().map(nextOffsets::get).toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /**
     * Records the ids as counted today and returns those of the exchanges not counted before (within the
     * de-duplication window, the partitions that still exist).
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
                    return candidates.stream().filter(e -> fresh.contains(e.id())).collect(Collectors.toList());
                });
    }

    Uni<Void> add(SqlConnection connection, Increments increments) {
        List<Uni<Void>> upserts = new ArrayList<>();
        for (CounterFamily family : CounterFamily.values()) {
            List<Increments.Increment> rows = increments.of(family);
            if (rows.isEmpty()) {
                continue;
            }
            int width = family.columns().size();
            String[] grains = new String[rows.size()];
            OffsetDateTime[] buckets = new OffsetDateTime[rows.size()];
            String[][] dimensions = new String[width][rows.size()];
            Long[] counts = new Long[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                Increments.Increment row = rows.get(r);
                grains[r] = row.grain().name();
                buckets[r] = row.bucket().atOffset(ZoneOffset.UTC);
                for (int d = 0; d < width; d++) {
                    dimensions[d][r] = row.dimensions().get(d);
                }
                counts[r] = row.count();
            }
            Tuple tuple = Tuple.tuple().addValue(grains).addValue(buckets);
            for (String[] column : dimensions) {
                tuple.addValue(column);
            }
            tuple.addValue(counts);
            String sql = this.upserts.get(family);
            upserts.add(connection.preparedQuery(sql).execute(tuple).replaceWithVoid());
        }
        // Issued together, the statements are pipelined on the connection: one round trip, not four.
        return upserts.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(upserts).andFailFast().replaceWithVoid();
    }
}
