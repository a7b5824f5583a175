package io.exchangepulse.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.platform.EventLog;
import io.exchangepulse.platform.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Publishes each committed batch's increments to the delta topic, which every replica reads in full.
 * A lost delta costs no count: the counters are already committed, and a view that sees the gap in the
 * position chain reloads them.
 */
@ApplicationScoped
public class DeltaPublisher {

    private static final Logger LOG = Logger.getLogger(DeltaPublisher.class);

    @Inject
    EventLog log;

    @Inject
    Topics topics;

    @Inject
    ObjectMapper mapper;

    /**
     * Sends without waiting for Kafka's acknowledgement: the next batch need not wait for the live views,
     * and one producer on a one-partition topic keeps the deltas in order anyway.
     */
    public void publish(CountsDelta delta) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(delta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        log.append(List.of(new ProducerRecord<>(topics.deltas(), null, json))).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warnf("A delta was not published (%s); live views will reload", failure.toString());
            }
        });
    }
}
