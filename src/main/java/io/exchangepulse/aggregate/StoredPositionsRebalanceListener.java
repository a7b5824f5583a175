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
 * the topic they were stored for (its topic id): a recreated topic, or another cluster's, starts over. A
 * stored position before the log's start is a loss, never skipped in silence ({@link CountingGaps}).
 */
@ApplicationScoped
@Identifier("exchange-positions")
public class StoredPositionsRebalanceListener implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(StoredPositionsRebalanceListener.class);

    @Inject
    StoredPositionRepository positions;

    @Inject
    CountingGaps gaps;

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
        boolean countedBefore = positions.countedBefore(topic)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(20)
                .await().atMost(Duration.ofSeconds(60));
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
        for (TopicPartition partition : partitions) {
            long stored = resumed.get(partition.partition());
            long start = starts.getOrDefault(partition, 0L);
            if (stored >= start) {
                consumer.seek(partition, stored);
            } else {
                // Records the stored position names are gone: counted nowhere, if this topic was ever counted.
                if (countedBefore) {
                    gaps.found(new CountingGaps.Gap(topic, partition.partition(), stored, start))
                            .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(20)
                            .await().atMost(Duration.ofSeconds(60));
                } else {
                    LOG.infof("Partition %s is counted from the log's start, %d: nothing of this topic was counted before", partition, start);
                }
                consumer.seek(partition, start);
            }
        }
        LOG.infof("Assigned %s, resuming from the stored positions %s", partitions, resumed);
    }

    /** A partition this replica no longer counts is none of its gaps: another replica finds it again. */
    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> gaps.forget(partition.partition()));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }

    private String topicId(String topic) {
        try (Admin admin = Admin.create(kafka)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).topicId().toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the id of topic " + topic, e);
        }
    }
}
