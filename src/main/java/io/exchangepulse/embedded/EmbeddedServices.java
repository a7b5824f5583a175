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
    public static Map<String, String> startMissing(Path dataDir, boolean kafka, int kafkaPort, boolean postgres, int postgresPort)
            throws Exception {
        Map<String, String> started = new HashMap<>();
        if (kafka) {
            long begin = System.nanoTime();
            var broker = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(broker)));
            started.put("kafka.bootstrap.servers", broker.bootstrapServers());
            LOG.infof("Started the embedded Kafka broker at %s in %d ms (data in %s)%s", broker.bootstrapServers(),
                    (System.nanoTime() - begin) / 1_000_000, dataDir.resolve("kafka"),
                    broker.fixedAddress().map(address -> "; other clients reach it at " + address).orElse(""));
        }
        if (postgres) {
            long begin = System.nanoTime();
            var database = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(database)));
            started.put("quarkus.datasource.reactive.url", database.reactiveUrl());
            started.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            LOG.infof("Started the embedded PostgreSQL at %s in %d ms (data in %s)", database.reactiveUrl(),
                    (System.nanoTime() - begin) / 1_000_000, dataDir.resolve("postgres"));
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
