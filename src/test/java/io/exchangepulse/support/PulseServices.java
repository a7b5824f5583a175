package io.exchangepulse.support;

import io.exchangepulse.embedded.EmbeddedIssuer;
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
 * The suite's real Kafka broker, real PostgreSQL and real OpenID Connect provider, started once per test
 * JVM (every {@code @QuarkusTest} shares them) in a fresh folder under target/.
 */
@QuarkusTestResource(PulseServices.class)
public class PulseServices implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafka kafka;
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedIssuer issuer;
    private static final String MANAGEMENT_PORT = "exchangepulse.tests.management-port";

    public static synchronized void startOnce() {
        if (kafka != null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-services"));
            Path run = Files.createTempDirectory(dir, "run-");
            kafka = EmbeddedKafka.start(run.resolve("kafka"));
            postgres = EmbeddedPostgresServer.start(run.resolve("postgres"), 0);
            issuer = EmbeddedIssuer.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(PulseServices::stopAll));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test services", e);
        }
    }

    private static void stopAll() {
        try {
            kafka.close();
            postgres.close();
            issuer.close();
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

    /**
     * The management port of the service under test: one free port per test JVM, kept in a system property
     * because Quarkus starts this resource in a class loader of its own.
     */
    public static synchronized int managementPort() {
        String chosen = System.getProperty(MANAGEMENT_PORT);
        if (chosen == null) {
            chosen = String.valueOf(Ports.free());
            System.setProperty(MANAGEMENT_PORT, chosen);
        }
        return Integer.parseInt(chosen);
    }

    /** The provider the services under test trust: its tokens are the tests' credentials ({@link Callers}). */
    public static EmbeddedIssuer issuer() {
        startOnce();
        return issuer;
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
                "quarkus.datasource.password", "",
                "quarkus.oidc.auth-server-url", issuer().url(),
                // The packaged application (the @QuarkusIntegrationTests) runs in the prod profile: it needs its secrets.
                "quarkus.oidc.web.credentials.secret", ServiceProcess.CLIENT_SECRET,
                "exchangepulse.identity.session-secret", ServiceProcess.SESSION_SECRET,
                "quarkus.management.port", String.valueOf(managementPort()),
                "quarkus.management.test-port", String.valueOf(managementPort()),
                "exchangepulse.center.clock-offset", SuiteClock.offset().toString());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped with it.
    }
}
