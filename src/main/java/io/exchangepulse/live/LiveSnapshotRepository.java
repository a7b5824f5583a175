package io.exchangepulse.live;

import io.exchangepulse.aggregate.StoredPositionRepository;
import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.counters.LiveRows;
import io.exchangepulse.platform.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the live counter rows (each family's declared {@link LiveRows}, at the moment's {@link Horizon}) and the positions they include in one REPEATABLE
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

    Uni<LiveCounters.Snapshot> load(Horizon horizon) {
        Map<CounterKey, Long> rows = new HashMap<>();
        Map<Integer, Long> stored = new HashMap<>();
        return pool.withTransaction(connection -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute()
                .chain(() -> positions.stored(connection, topics.exchanges()))
                .invoke(stored::putAll)
                .chain(() -> Multi.createFrom().iterable(CounterFamily.allLive())
                        .onItem().transformToUniAndConcatenate(live -> connection.preparedQuery(select(live.family()))
                                .execute(Tuple.of(live.grain().name(), firstBucket(horizon, live)))
                                .invoke(result -> result.forEach(row -> rows.put(keyOf(live, row), row.getLong(
                                        1 + live.family().columns().size())))))
                        .collect().last()))
                .map(done -> new LiveCounters.Snapshot(rows, stored));
    }

    private static String select(CounterFamily family) {
        return "SELECT bucket, " + String.join(", ", family.columns()) + ", n FROM " + family.table() + " WHERE grain = $1 AND bucket >= $2";
    }

    private static OffsetDateTime firstBucket(Horizon horizon, LiveRows live) {
        long first = horizon.firstBucket(live.window());
        // PostgreSQL's timestamps begin in 4713 BC; every bucket is after that.
        return first == Long.MIN_VALUE ? OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                : Instant.ofEpochSecond(first).atOffset(ZoneOffset.UTC);
    }

    private static CounterKey keyOf(LiveRows live, Row row) {
        int width = live.family().columns().size();
        List<String> dimensions = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            dimensions.add(row.getString(1 + i));
        }
        return new CounterKey(live.family(), live.grain(), row.getOffsetDateTime(0).toEpochSecond(), dimensions);
    }
}
