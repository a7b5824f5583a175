package io.exchangepulse.embedded;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in this JVM, for the
 * one-command run and the tests. Its log lives in {@code dataDir}, so a restart finds its topics and
 * records again.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class);

    /** Fixed, so that a restart over the same folder joins the cluster that it formatted before. */
    private static final Uuid CLUSTER_ID = new Uuid(0x45786368616e6765L, 0x50756c7365446576L);

    private final KafkaClusterTestKit cluster;
    private final String fixedAddress;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaClusterTestKit cluster, String fixedAddress) {
        this.cluster = cluster;
        this.fixedAddress = fixedAddress;
    }

    public static EmbeddedKafka start(Path dataDir) throws Exception {
        return start(dataDir, 0);
    }

    /**
     * Listens on a free port (its {@link #bootstrapServers()}) and, unless {@code port} is 0 or taken (which is
     * logged), on {@code localhost:port} as well, an address that tools outside this JVM can be told.
     */
    public static EmbeddedKafka start(Path dataDir, int port) throws Exception {
        Files.createDirectories(dataDir);
        boolean formatted = Files.exists(dataDir.resolve("combined_0_0").resolve("meta.properties"));
        var nodes = new TestKitNodes.Builder()
                .setClusterId(CLUSTER_ID.toString())
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(dataDir)
                .build();
        var builder = new KafkaClusterTestKit.Builder(nodes)
                .setDeleteOnClose(false)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // Topics are created by the application with the partitions it is configured for.
                .setConfigProp("auto.create.topics.enable", "false");
        boolean fixed = available(port);
        if (fixed) {
            // The test kit binds its own listener to a free port; a third listener gives tools a fixed address.
            builder.setConfigProp("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,FIXED://localhost:" + port)
                    .setConfigProp("listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,FIXED:PLAINTEXT");
        }
        var cluster = builder.build();
        if (!formatted) {
            cluster.format();
        }
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new EmbeddedKafka(cluster, fixed ? "localhost:" + port : null);
    }

    private static boolean available(int port) {
        if (port == 0) {
            return false;
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            LOG.warnf("Port %d is taken (another Kafka?); the embedded broker listens only on a free port", port);
            return false;
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The address given to tools outside this JVM, if the broker has one. */
    public Optional<String> fixedAddress() {
        return Optional.ofNullable(fixedAddress);
    }

    @Override
    public void close() throws Exception {
        if (closed.compareAndSet(false, true)) {
            cluster.close();
        }
    }
}
