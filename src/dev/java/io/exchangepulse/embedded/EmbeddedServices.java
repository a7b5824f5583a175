package io.exchangepulse.embedded;

import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts the embedded services that the configuration lacks, and says where their data lives. */
public final class EmbeddedServices {

    private static final Logger LOG = Logger.getLogger(EmbeddedServices.class);

    private EmbeddedServices() {
    }

    /** Returns the configuration that points at what was started. */
    public static Map<String, String> startMissing(Path dataDir, EmbeddedServicesConfigSourceFactory.Wanted wanted) throws Exception {
        Map<String, String> started = new HashMap<>();
        if (wanted.kafka()) {
            long begin = System.nanoTime();
            var broker = EmbeddedKafka.start(dataDir.resolve("kafka"), wanted.kafkaPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(broker)));
            started.put("kafka.bootstrap.servers", broker.bootstrapServers());
            LOG.infof("Started the embedded Kafka broker at %s in %d ms (data in %s)%s", broker.bootstrapServers(),
                    (System.nanoTime() - begin) / 1_000_000, dataDir.resolve("kafka"),
                    broker.fixedAddress().map(address -> "; other clients reach it at " + address).orElse(""));
        }
        if (wanted.postgres()) {
            long begin = System.nanoTime();
            var database = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), wanted.postgresPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(database)));
            started.put("quarkus.datasource.reactive.url", database.reactiveUrl());
            started.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            LOG.infof("Started the embedded PostgreSQL at %s in %d ms (data in %s)", database.reactiveUrl(),
                    (System.nanoTime() - begin) / 1_000_000, dataDir.resolve("postgres"));
        }
        if (wanted.issuer()) {
            // The key is kept with the data, so that a signed-in wall stays signed in across restarts.
            var issuer = EmbeddedIssuer.start(wanted.issuerPort(), dataDir.resolve("issuer").resolve("signing-key.der"));
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close));
            started.put("quarkus.oidc.auth-server-url", issuer.url());
            LOG.infof("Started the embedded identity provider at %s: sign in as %s (password: the same name)", issuer.url(),
                    EmbeddedIssuer.USERS.stream().map(EmbeddedIssuer.User::name).toList());
        }
        return started;
    }

    private static void closeQuietly(AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            LOG.debugf(e, "Stopping %s", service);
        }
    }
}
