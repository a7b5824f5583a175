package io.exchangepulse.embedded;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one-command run: where {@code exchangepulse.embedded.enabled} is on (the dev profile) and no Kafka
 * or no PostgreSQL is configured, starts the missing one in-process and points the configuration at it.
 * Configuration comes before any bean, so this is the one place that can still supply the addresses.
 *
 * <p>The started addresses are also written to system properties: Quarkus builds its configuration more
 * than once (and again on each live reload), and every later build must find the services running.
 *
 * <p>This factory is in every build (Quarkus registers it at build time), but {@link EmbeddedServices}
 * and the broker and database behind it are left out of the packaged application; so they are reached
 * by name, which a packaged application never asks for since the property is off outside dev mode.
 */
public class EmbeddedServicesConfigSourceFactory implements ConfigSourceFactory {

    private static final String STARTER = "io.exchangepulse.embedded.EmbeddedServices";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equals(value(context, "exchangepulse.embedded.enabled"))) {
            return List.of();
        }
        boolean kafka = value(context, "kafka.bootstrap.servers") == null;
        boolean postgres = value(context, "quarkus.datasource.reactive.url") == null;
        if (!kafka && !postgres) {
            return List.of();
        }
        String dir = value(context, "exchangepulse.embedded.data-dir");
        Path dataDir = Path.of(dir != null ? dir : System.getProperty("user.home") + "/.exchange-pulse");
        Map<String, String> started = start(dataDir, kafka, port(context, "exchangepulse.embedded.kafka-port"), postgres,
                port(context, "exchangepulse.embedded.postgres-port"));
        started.forEach(System::setProperty);
        return List.of(new PropertiesConfigSource(started, "exchange-pulse embedded services", 250));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> start(Path dataDir, boolean kafka, int kafkaPort, boolean postgres, int postgresPort) {
        try {
            return (Map<String, String>) Class.forName(STARTER)
                    .getMethod("startMissing", Path.class, boolean.class, int.class, boolean.class, int.class)
                    .invoke(null, dataDir, kafka, kafkaPort, postgres, postgresPort);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalStateException("The embedded Kafka and PostgreSQL come only with dev mode (./mvnw quarkus:dev); "
                    + "set KAFKA_BOOTSTRAP_SERVERS and QUARKUS_DATASOURCE_REACTIVE_URL instead.");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not start the embedded services in " + dataDir + ": "
                    + e.getCause().getMessage() + ". Set KAFKA_BOOTSTRAP_SERVERS and QUARKUS_DATASOURCE_REACTIVE_URL "
                    + "to use running ones instead.", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int port(ConfigSourceContext context, String name) {
        String port = value(context, name);
        return port == null ? 0 : Integer.parseInt(port);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
