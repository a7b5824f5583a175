package io.exchangepulse.live;

import io.exchangepulse.aggregate.StoredPositionRepository;
import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.platform.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the counter rows inside the live {@link Horizon} and the positions they include in one REPEATABLE
 * READ transaction: a consistent cut, so that the deltas after it can be told from those already in it.
 */
@ApplicationScoped
public class LiveSnapshotRepository {

    @Inject
    Pool pool;

    @Inject
    Topics topics;

    @Inject
    StoredPositionRepository positions;

    /** The positions the counters in PostgreSQL include now, to tell whether the view has missed a delta. */
    Uni<Map<Integer, Long>> storedPositions() {
        return positions.stored(pool, topics.exchanges());
    }

    Uni<LiveCounters.Snapshot> load(Instant now) {
        Horizon horizon = Horizon.at(now);
        Map<CounterKey, Long> rows = new HashMap<>();
        Map<Integer, Long> stored = new HashMap<>();
        return pool.withTransaction(connection -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute()
                .chain(() -> positions.stored(connection, topics.exchanges()))
                .invoke(stored::putAll)
                .chain(() -> Multi.createFrom().items(CounterFamily.values())
                        .onItem().transformToUniAndConcatenate(family -> connection.preparedQuery(select(family))
                                .execute(Tuple.of(
                                        Instant.ofEpochSecond(horizon.startOfLastYear()).atOffset(ZoneOffset.UTC),
                                        Instant.ofEpochSecond(horizon.firstMinute()).atOffset(ZoneOffset.UTC)))
                                .invoke(result -> result.forEach(row -> rows.put(keyOf(family, row), row.getLong(
                                        2 + family.columns().size())))))
                        .collect().last()))
                .map(done -> new LiveCounters.Snapshot(rows, stored));
    }

    private static String select(CounterFamily family) {
        return "SELECT grain, bucket, " + String.join(", ", family.columns()) + ", n FROM " + family.table()
                + " WHERE grain = 'YEAR' OR (grain = 'DAY' AND bucket >= $1) OR (grain = 'MINUTE' AND bucket >= $2)";
    }

    private static CounterKey keyOf(CounterFamily family, Row row) {
        List<String> dimensions = new ArrayList<>(family.columns().size());
        for (int i = 0; i < family.columns().size(); i++) {
            dimensions.add(row.getString(2 + i));
        }
        return new CounterKey(family, Grain.valueOf(row.getString(0)), row.getOffsetDateTime(1).toEpochSecond(), dimensions);
    }
}
