package io.exchangepulse.aggregate;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * On assignment, moves the consumer to the positions stored with the counters in PostgreSQL: the
 * database, not Kafka's committed offsets, says what has been counted. Positions are only trusted for
 * the topic they were stored for (its topic id): a recreated topic, or another cluster's, starts over.
 */
@ApplicationScoped
@Identifier("exchange-positions")
public class StoredPositionsRebalanceListener implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(StoredPositionsRebalanceListener.class);

    @Inject
    StoredPositionRepository positions;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        String topic = partitions.iterator().next().topic();
        // On Kafka's polling thread, where waiting is allowed; retried briefly so that a database
        // restart does not cost the assignment.
        Map<Integer, Long> resumed = positions.resume(topic, topicId(topic),
                        partitions.stream().map(TopicPartition::partition).toList())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(20)
                .await().atMost(Duration.ofSeconds(60));
        // Every assigned partition has a stored position now (0 for one never counted; a log that starts
        // later makes the consumer reset to its beginning, auto.offset.reset=earliest).
        partitions.forEach(partition -> consumer.seek(partition, resumed.get(partition.partition())));
        LOG.infof("Assigned %s, resuming from the stored positions %s", partitions, resumed);
    }

    private String topicId(String topic) {
        try (Admin admin = Admin.create(kafka)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).topicId().toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the id of topic " + topic, e);
        }
    }
}
