package io.exchangepulse.live;

import io.exchangepulse.aggregate.DeltaWindow;
import io.exchangepulse.aggregate.CounterFamily;
import io.exchangepulse.aggregate.CounterRepository;
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
 * Reads the live window's counter rows and the positions they include in one REPEATABLE READ transaction:
 * a consistent cut, so that the deltas after it can be told from those already in it.
 */
@ApplicationScoped
public class LiveSnapshotRepository {

    @Inject
    Pool pool;

    @Inject
    Topics topics;

    @Inject
    CounterRepository counterRepository;

    /** The positions the counters in PostgreSQL include now, to tell whether the view has missed a delta. */
    Uni<Map<Integer, Long>> storedPositions() {
        return counterRepository.storedPositions(pool, topics.exchanges());
    }

    Uni<LiveCounters.Snapshot> load(Instant now) {
        DeltaWindow window = DeltaWindow.at(now);
        Map<CounterKey, Long> rows = new HashMap<>();
        Map<Integer, Long> positions = new HashMap<>();
        return pool.withTransaction(connection -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute()
                .chain(() -> counterRepository.storedPositions(connection, topics.exchanges()))
                .invoke(positions::putAll)
                .chain(() -> Multi.createFrom().items(CounterFamily.values())
                        .onItem().transformToUniAndConcatenate(family -> connection.preparedQuery(select(family))
                                .execute(Tuple.of(
                                        Instant.ofEpochSecond(window.firstDayKept()).atOffset(ZoneOffset.UTC),
                                        Instant.ofEpochSecond(window.firstMinuteKept()).atOffset(ZoneOffset.UTC)))
                                .invoke(result -> result.forEach(row -> keep(rows, family, row, window))))
                        .collect().last()))
                .map(done -> new LiveCounters.Snapshot(rows, positions));
    }

    private static String select(CounterFamily family) {
        return "SELECT grain, bucket, " + String.join(", ", family.columns()) + ", n FROM " + family.table()
                + " WHERE grain = 'YEAR' OR (grain = 'DAY' AND bucket >= $1) OR (grain = 'MINUTE' AND bucket >= $2)";
    }

    private static void keep(Map<CounterKey, Long> rows, CounterFamily family, Row row, DeltaWindow window) {
        Grain grain = Grain.valueOf(row.getString(0));
        long bucket = row.getOffsetDateTime(1).toEpochSecond();
        if (!window.keeps(family, grain, bucket)) {
            return;
        }
        List<String> dimensions = new ArrayList<>(family.columns().size());
        for (int i = 0; i < family.columns().size(); i++) {
            dimensions.add(row.getString(2 + i));
        }
        rows.put(new CounterKey(family, grain, bucket, List.copyOf(dimensions)), row.getLong(2 + family.columns().size()));
    }
}
