package io.exchangepulse.aggregate;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consumer positions of the exchange topic ({@code consumer_offset}), stored in the same transaction
 * as the counters they produced: the database, not Kafka's committed offsets, says what has been counted.
 */
@ApplicationScoped
public class StoredPositionRepository {

    private static final Logger LOG = Logger.getLogger(StoredPositionRepository.class);

    private final Pool pool;

    StoredPositionRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Locks the positions of these partitions for this transaction and returns them (0 for a partition
     * never seen). Whoever else holds a partition's lock, after a rebalance, waits here.
     */
    Uni<Map<Integer, Long>> lock(SqlConnection connection, String topic, Collection<Integer> partitions) {
        Integer[] ids = partitions.stream().sorted().toArray(Integer[]::new);
        return connection.preparedQuery("INSERT INTO consumer_offset (topic, kafka_partition, next_offset) "
                        + "SELECT $1, p, 0 FROM unnest($2::int[]) p ON CONFLICT DO NOTHING")
                .execute(Tuple.of(topic, ids))
                .chain(() -> connection.preparedQuery("SELECT kafka_partition, next_offset FROM consumer_offset "
                                + "WHERE topic = $1 AND kafka_partition = ANY($2::int[]) ORDER BY kafka_partition FOR UPDATE")
                        .execute(Tuple.of(topic, ids)))
                .map(StoredPositionRepository::positionsOf);
    }

    /**
     * The positions to resume from, read outside any batch (on partition assignment). Positions stored for
     * another incarnation of the topic (another topic id) are forgotten first: that topic's offsets mean
     * nothing in this one, which is counted from its beginning (ids already counted are still recognised).
     */
    Uni<Map<Integer, Long>> resume(String topic, String topicId, Collection<Integer> partitions) {
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
                        .chain(() -> stored(connection, topic)));
    }

    /** Whether anything of this topic (this incarnation of it) was ever counted: then a gap before its log is a loss. */
    Uni<Boolean> countedBefore(String topic) {
        return pool.preparedQuery("SELECT EXISTS (SELECT 1 FROM consumer_offset WHERE topic = $1 AND counted_through IS NOT NULL)")
                .execute(Tuple.of(topic))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /**
     * The positions stored for a topic, through any client (a transaction's connection or the pool): what
     * the counters include, and what the live views compare themselves with.
     */
    public Uni<Map<Integer, Long>> stored(SqlClient client, String topic) {
        return client.preparedQuery("SELECT kafka_partition, next_offset FROM consumer_offset WHERE topic = $1")
                .execute(Tuple.of(topic))
                .map(StoredPositionRepository::positionsOf);
    }

    /** The day counting has reached in every partition of the topic (the one furthest behind), if it has counted any. */
    Uni<Optional<LocalDate>> countedThrough(String topic) {
        return pool.preparedQuery("SELECT min(counted_through) FROM consumer_offset WHERE topic = $1")
                .execute(Tuple.of(topic))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime(0)).map(OffsetDateTime::toLocalDate));
    }

    /** Where counting goes on in a partition: the next offset, and the record time counting has reached. */
    record Progress(long nextOffset, Instant countedThrough) {
    }

    Uni<Void> store(SqlConnection connection, String topic, Map<Integer, Progress> progress) {
        List<Integer> partitions = new ArrayList<>(progress.keySet());
        // Never backwards: a batch that ends before where the position already stands (a redelivery) leaves it there.
        return connection.preparedQuery("UPDATE consumer_offset SET next_offset = greatest(consumer_offset.next_offset, u.next_offset), "
                        + "counted_through = greatest(consumer_offset.counted_through, u.counted_through), updated_at = now() "
                        + "FROM unnest($2::int[], $3::bigint[], $4::timestamptz[]) AS u(kafka_partition, next_offset, counted_through) "
                        + "WHERE consumer_offset.topic = $1 AND consumer_offset.kafka_partition = u.kafka_partition")
                .execute(Tuple.of(topic, partitions.toArray(Integer[]::new),
                        partitions.stream().map(p -> progress.get(p).nextOffset()).toArray(Long[]::new),
                        partitions.stream().map(p -> progress.get(p).countedThrough().atOffset(ZoneOffset.UTC))
                                .toArray(OffsetDateTime[]::new)))
                .replaceWithVoid();
    }

    private static Map<Integer, Long> positionsOf(RowSet<Row> rows) {
        Map<Integer, Long> positions = new HashMap<>();
        for (Row row : rows) {
            positions.put(row.getInteger(0), row.getLong(1));
        }
        return positions;
    }
}
