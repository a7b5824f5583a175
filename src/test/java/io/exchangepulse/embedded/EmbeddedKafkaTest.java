package io.exchangepulse.embedded;

import io.exchangepulse.support.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-command run's broker answers at the fixed address the README gives tools, besides its own. */
@Tag("component")
class EmbeddedKafkaTest {

    @Test
    void aClientAtTheFixedAddressIsServedAndToldTheSameAddress() throws Exception {
        int port = Ports.free();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-services")), "fixed-");
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir, port);
             Admin admin = Admin.create(Map.of("bootstrap.servers", "localhost:" + port))) {
            admin.createTopics(List.of(new NewTopic("fixed-address", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);

            assertThat(broker.fixedAddress()).contains("localhost:" + port);
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).extracting(Node::port).containsExactly(port);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("fixed-address");
        }
    }

    @Test
    void withoutAFixedPortTheBrokerHasOnlyItsOwnAddress() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-services")), "free-");
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir)) {
            assertThat(broker.fixedAddress()).isEmpty();
            assertThat(broker.bootstrapServers()).startsWith("localhost:");
        }
    }
}
