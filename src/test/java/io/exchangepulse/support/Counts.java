package io.exchangepulse.support;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.domain.Grain;
import io.restassured.RestAssured;
import org.apache.kafka.common.TopicPartition;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Reads counts the way a client does (the REST API), and knows when the aggregator has caught up. */
public final class Counts {

    public static final String EXCHANGES = "pulse.events";

    private Counts() {
    }

    /** All exchanges counted in the hour that starts at {@code window}, by the flows query. */
    public static long inHour(Instant window) {
        List<Number> counts = RestAssured.given()
                .queryParam("from", window.toString())
                .queryParam("to", window.plus(Duration.ofHours(1)).toString())
                .get("/api/v1/flows")
                .then().statusCode(200)
                .extract().jsonPath().getList("count", Number.class);
        return counts.stream().mapToLong(Number::longValue).sum();
    }

    /**
     * Waits until the positions stored with the counters reach the end of the exchange topic as it is
     * now: everything appended so far has been counted (or dead-lettered), once.
     */
    public static void awaitCaughtUp() {
        awaitCaughtUp(PulseServices.bootstrapServers(), PulseServices.jdbcUrl());
    }

    /** The same, for a broker and a database of a test's own. */
    public static void awaitCaughtUp(String bootstrapServers, String jdbcUrl) {
        Map<TopicPartition, Long> end = KafkaTopics.endOffsets(bootstrapServers, EXCHANGES);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<Integer, Long> stored = storedPositions(jdbcUrl);
            return end.entrySet().stream()
                    .allMatch(e -> e.getValue() == 0 || stored.getOrDefault(e.getKey().partition(), 0L) >= e.getValue());
        });
    }

    /**
     * The counts stored in one family's table for the buckets of one grain in [from, to), summed per
     * dimension values: what the counters hold, read straight from PostgreSQL.
     */
    public static Map<List<String>, Long> stored(CounterFamily family, Grain grain, Instant from, Instant to) throws SQLException {
        String columns = String.join(", ", family.columns());
        try (var connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "");
             var statement = connection.prepareStatement("SELECT " + columns + ", sum(n) FROM " + family.table()
                     + " WHERE grain = ? AND bucket >= ? AND bucket < ? GROUP BY " + columns)) {
            statement.setString(1, grain.name());
            statement.setObject(2, from.atOffset(ZoneOffset.UTC));
            statement.setObject(3, to.atOffset(ZoneOffset.UTC));
            Map<List<String>, Long> counts = new HashMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<String> dimensions = new ArrayList<>();
                    for (int i = 1; i <= family.columns().size(); i++) {
                        dimensions.add(rows.getString(i));
                    }
                    counts.put(dimensions, rows.getLong(family.columns().size() + 1));
                }
            }
            return counts;
        }
    }

    private static Map<Integer, Long> storedPositions(String jdbcUrl) throws SQLException {
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             var statement = connection.prepareStatement(
                     "SELECT kafka_partition, next_offset FROM consumer_offset WHERE topic = ?")) {
            statement.setString(1, EXCHANGES);
            Map<Integer, Long> positions = new HashMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getInt(1), rows.getLong(2));
                }
            }
            return positions;
        }
    }
}
