package io.exchangepulse.aggregate;

import io.exchangepulse.counters.CounterFamily;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The counter tables, one per {@link CounterFamily}, only ever incremented: a batch's increments go in as
 * one upsert per family that takes the whole batch at once (PostgreSQL arrays through {@code unnest}), so a
 * batch costs one round trip, not one per event.
 */
@ApplicationScoped
public class CounterRepository {

    private final Map<CounterFamily, String> upserts = new EnumMap<>(CounterFamily.class);

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

    /** Adds the increments, every family pipelined on the connection. */
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
