package io.exchangepulse.embedded;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-command run: where {@code exchangepulse.embedded.enabled} is on (the dev profile) and no Kafka
 * or no PostgreSQL is configured, starts the missing one in-process and points the configuration at it.
 * Configuration comes before any bean, so this is the one place that can still supply the addresses.
 *
 * <p>The started addresses are written to system properties: Quarkus builds its configuration more than
 * once (and again on each live reload), and every later build must find the services already running.
 * Packaging leaves this class out (see {@code quarkus.package.jar.user-configured-ignored-entries}).
 */
public class EmbeddedServicesConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedServicesConfigSourceFactory.class);

    static final String KAFKA = "kafka.bootstrap.servers";
    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equals(value(context, "exchangepulse.embedded.enabled"))) {
            return List.of();
        }
        Path dataDir = Path.of(valueOr(context, "exchangepulse.embedded.data-dir",
                System.getProperty("user.home") + "/.exchange-pulse"));
        Map<String, String> started = new HashMap<>();
        try {
            if (value(context, KAFKA) == null) {
                long begin = System.nanoTime();
                var kafka = EmbeddedKafka.start(dataDir.resolve("kafka"));
                started.put(KAFKA, kafka.bootstrapServers());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(kafka)));
                LOG.infof("Started the embedded Kafka broker at %s in %d ms (data in %s)", kafka.bootstrapServers(),
                        (System.nanoTime() - begin) / 1_000_000, dataDir.resolve("kafka"));
            }
            if (value(context, REACTIVE_URL) == null) {
                long begin = System.nanoTime();
                int port = Integer.parseInt(valueOr(context, "exchangepulse.embedded.postgres-port", "0"));
                var postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), port);
                started.put(REACTIVE_URL, postgres.reactiveUrl());
                started.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
                started.put("quarkus.datasource.password", "");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
                LOG.infof("Started the embedded PostgreSQL at %s in %d ms (data in %s)", postgres.reactiveUrl(),
                        (System.nanoTime() - begin) / 1_000_000, dataDir.resolve("postgres"));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded services in " + dataDir + ": " + e.getMessage()
                    + ". Set KAFKA_BOOTSTRAP_SERVERS and QUARKUS_DATASOURCE_REACTIVE_URL to use running ones instead.", e);
        }
        started.forEach(System::setProperty);
        return List.of(new PropertiesConfigSource(started, "exchange-pulse embedded services", 250));
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }

    private static String valueOr(ConfigSourceContext context, String name, String fallback) {
        String value = value(context, name);
        return value == null ? fallback : value;
    }

    private static void closeQuietly(AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            LOG.debugf(e, "Stopping %s", service);
        }
    }
}
