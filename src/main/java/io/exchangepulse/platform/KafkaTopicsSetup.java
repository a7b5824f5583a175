package io.exchangepulse.platform;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Checks at start-up that the configured Kafka answers, and creates the topics the service needs where
 * they are missing. An unreachable broker ends the start with one line that says what to fix. The check runs
 * while the schema is migrated, and the Kafka consumers start only after both (they must not make a missing
 * topic with the broker's defaults, nor count into missing tables).
 */
@ApplicationScoped
public class KafkaTopicsSetup {

    private static final Logger LOG = Logger.getLogger(KafkaTopicsSetup.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    Topics topics;

    private CompletableFuture<Void> setUp;

    void begin(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 2) StartupEvent event) {
        setUp = CompletableFuture.runAsync(this::setUp, task -> new Thread(task, "kafka-topics-setup").start());
    }

    void await(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) StartupEvent event) {
        setUp.join();
    }

    private void setUp() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            if (!topics.create()) {
                return;
            }
            List<NewTopic> missing = Stream.of(
                            new NewTopic(topics.exchanges(), topics.partitions(), topics.replicationFactor())
                                    .configs(Topics.EXCHANGE_TIMESTAMP_BOUNDS),
                            new NewTopic(topics.deadLetters(), topics.partitions(), topics.replicationFactor()),
                            new NewTopic(topics.operationEvents(), topics.partitions(), topics.replicationFactor()),
                            new NewTopic(topics.deltas(), 1, topics.replicationFactor())
                                    .configs(Map.of("retention.ms", String.valueOf(Duration.ofHours(1).toMillis()),
                                            "max.message.bytes", String.valueOf(EventLog.MAX_RECORD_BYTES))))
                    .filter(topic -> !existing.contains(topic.name()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(15, TimeUnit.SECONDS);
                LOG.infof("Created Kafka topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (Exception e) {
            StartupFailure.exit(String.format("Kafka at %s cannot be used (%s). Start it, or set KAFKA_BOOTSTRAP_SERVERS to a reachable "
                    + "broker.", kafka.get("bootstrap.servers"), StartupFailure.rootMessage(e)));
        }
    }
}
