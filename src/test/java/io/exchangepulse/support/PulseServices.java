package io.exchangepulse.support;

import io.exchangepulse.embedded.EmbeddedKafka;
import io.exchangepulse.embedded.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The suite's real Kafka broker and real PostgreSQL, started once per test JVM (every {@code @QuarkusTest}
 * shares them) in a fresh folder under target/.
 */
@QuarkusTestResource(PulseServices.class)
public class PulseServices implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafka kafka;
    private static EmbeddedPostgresServer postgres;

    public static synchronized void startOnce() {
        if (kafka != null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-services"));
            Path run = Files.createTempDirectory(dir, "run-");
            kafka = EmbeddedKafka.start(run.resolve("kafka"));
            postgres = EmbeddedPostgresServer.start(run.resolve("postgres"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(PulseServices::stopAll));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test services", e);
        }
    }

    private static void stopAll() {
        try {
            kafka.close();
            postgres.close();
        } catch (Exception ignored) {
            // the JVM is going away; the folder is under target/
        }
    }

    public static String bootstrapServers() {
        startOnce();
        return kafka.bootstrapServers();
    }

    public static String reactiveUrl() {
        startOnce();
        return postgres.reactiveUrl();
    }

    public static String jdbcUrl() {
        return "jdbc:" + reactiveUrl();
    }

    /**
     * A database of its own on the suite's server, for a service that runs against another Kafka cluster:
     * consumer positions belong to one cluster's topics, so two clusters must not share a database.
     */
    public static String newDatabase(String name) throws SQLException {
        try (var connection = DriverManager.getConnection(jdbcUrl(), EmbeddedPostgresServer.USER, "")) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
        return reactiveUrl().substring(0, reactiveUrl().lastIndexOf('/') + 1) + name;
    }

    @Override
    public Map<String, String> start() {
        startOnce();
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers(),
                "quarkus.datasource.reactive.url", reactiveUrl(),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped with it.
    }
}
