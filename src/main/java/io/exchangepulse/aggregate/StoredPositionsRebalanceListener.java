package io.exchangepulse.aggregate;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * On assignment, moves the consumer to the positions stored with the counters in PostgreSQL: the
 * database, not Kafka's committed offsets, says what has been counted.
 */
@ApplicationScoped
@Identifier("exchange-positions")
public class StoredPositionsRebalanceListener implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(StoredPositionsRebalanceListener.class);

    @Inject
    CounterRepository counters;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        String topic = partitions.iterator().next().topic();
        // On Kafka's polling thread, where waiting is allowed; retried briefly so that a database
        // restart does not cost the assignment.
        Map<Integer, Long> positions = counters.positions(topic)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(20)
                .await().atMost(Duration.ofSeconds(60));
        for (TopicPartition partition : partitions) {
            Long next = positions.get(partition.partition());
            if (next == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, next);
            }
        }
        LOG.infof("Assigned %s, resuming from the stored positions %s", partitions, positions);
    }
}
