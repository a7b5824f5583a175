package io.exchangepulse.bench;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.Grain;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The limit of counting in PostgreSQL: the rows the service writes for a batch (its ids, and one counter row
 * per family, grain, bucket and dimension values) written the fastest way PostgreSQL takes them, one
 * transaction per batch, into two tables of the plainest kind (an id table with a primary key, a counter
 * table keyed by text): the ids by {@code COPY}, the counters by one upsert of arrays. No Kafka, no positions,
 * no partitions: what the database alone does with the same rows.
 */
final class RawUpserts {

    /** The service's default zone: the baseline buckets as the service does. */
    private static final CenterCalendar CALENDAR = CenterCalendar.of("Europe/Bucharest");

    private final String jdbcUrl;

    RawUpserts(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The tables, the id table holding {@code storedIds} ids already as the service's does. */
    void prepare(int storedIds) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             var statement = connection.createStatement()) {
            // A schema of its own: the service's migrations want "public" to themselves.
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
            statement.execute("CREATE TABLE IF NOT EXISTS bench.raw_id (id uuid PRIMARY KEY)");
            statement.execute("CREATE TABLE IF NOT EXISTS bench.raw_count (key text PRIMARY KEY, n bigint NOT NULL)");
            statement.execute("INSERT INTO bench.raw_id SELECT gen_random_uuid() FROM generate_series(1, " + storedIds + ")");
            statement.execute("ANALYZE bench.raw_id");
        }
    }

    /**
     * Writes the exchanges' rows in batches of {@code batch}; returns exchanges a second. The ids are copied
     * straight into the keyed table: the primary key still refuses a duplicate (the whole batch would fail), which
     * is the claim's outcome when, as in the benchmark and nearly always, no id was counted before.
     */
    double write(List<Exchange> exchanges, int batch) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             var counts = connection.prepareStatement("INSERT INTO bench.raw_count SELECT * FROM unnest(?::text[], ?::bigint[]) "
                     + "ON CONFLICT (key) DO UPDATE SET n = bench.raw_count.n + EXCLUDED.n")) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long begin = System.nanoTime();
            for (int from = 0; from < exchanges.size(); from += batch) {
                List<Exchange> part = exchanges.subList(from, Math.min(exchanges.size(), from + batch));
                copy.copyIn("COPY bench.raw_id (id) FROM STDIN", new ByteArrayInputStream(idLines(part)));
                Map<String, Long> rows = rowsOf(part);
                counts.setArray(1, connection.createArrayOf("text", rows.keySet().toArray()));
                counts.setArray(2, connection.createArrayOf("bigint", rows.values().toArray()));
                counts.executeUpdate();
                connection.commit();
            }
            return exchanges.size() / ((System.nanoTime() - begin) / 1e9);
        }
    }

    /** The batch's ids in COPY's text format: one a line. */
    private static byte[] idLines(List<Exchange> batch) {
        StringBuilder lines = new StringBuilder(batch.size() * 37);
        batch.forEach(exchange -> lines.append(exchange.id()).append('\n'));
        return lines.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The counter rows of a batch, as the service folds them: one per family, each of its grains, bucket and values. */
    private static Map<String, Long> rowsOf(List<Exchange> batch) {
        Map<String, Long> rows = new HashMap<>();
        for (Exchange exchange : batch) {
            for (CounterFamily family : CounterFamily.values()) {
                String dimensions = String.join("|", family.dimensionsOf(exchange));
                for (Grain grain : family.grains()) {
                    rows.merge(family.table() + "|" + grain + "|" + CALENDAR.bucketOf(grain, exchange.occurredAt()) + "|" + dimensions, 1L, Long::sum);
                }
            }
        }
        return rows;
    }
}
