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
 * The one-command run: where {@code exchangepulse.embedded.enabled} is on (the dev profile) and no Kafka,
 * no PostgreSQL or no identity provider is configured, starts the missing ones in-process and points the
 * configuration at them.
 * Configuration comes before any bean, so this is the one place that can still supply the addresses.
 *
 * <p>The started addresses are also written to system properties: Quarkus builds its configuration more
 * than once (and again on each live reload), and every later build must find the services running.
 *
 * <p>This factory is in every build (Quarkus registers it at build time), but {@link EmbeddedServices}
 * and the services behind it are left out of the packaged application; so they are reached
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
        boolean issuer = value(context, "quarkus.oidc.auth-server-url") == null;
        if (!kafka && !postgres && !issuer) {
            return List.of();
        }
        String dir = value(context, "exchangepulse.embedded.data-dir");
        Path dataDir = Path.of(dir != null ? dir : System.getProperty("user.home") + "/.exchange-pulse");
        Map<String, String> started = start(dataDir, new Wanted(kafka, port(context, "exchangepulse.embedded.kafka-port"), postgres,
                port(context, "exchangepulse.embedded.postgres-port"), issuer, port(context, "exchangepulse.embedded.issuer-port")));
        started.forEach(System::setProperty);
        return List.of(new PropertiesConfigSource(started, "exchange-pulse embedded services", 250));
    }

    /** Which services to start, and on which ports (0: any free one). */
    public record Wanted(boolean kafka, int kafkaPort, boolean postgres, int postgresPort, boolean issuer, int issuerPort) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> start(Path dataDir, Wanted wanted) {
        try {
            return (Map<String, String>) Class.forName(STARTER)
                    .getMethod("startMissing", Path.class, Wanted.class)
                    .invoke(null, dataDir, wanted);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalStateException("The embedded Kafka, PostgreSQL and identity provider come only with dev mode "
                    + "(./mvnw quarkus:dev); set KAFKA_BOOTSTRAP_SERVERS, QUARKUS_DATASOURCE_REACTIVE_URL and "
                    + "QUARKUS_OIDC_AUTH_SERVER_URL instead.");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not start the embedded services in " + dataDir + ": "
                    + e.getCause().getMessage() + ". Set KAFKA_BOOTSTRAP_SERVERS, QUARKUS_DATASOURCE_REACTIVE_URL and "
                    + "QUARKUS_OIDC_AUTH_SERVER_URL to use running ones instead.", e.getCause());
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
