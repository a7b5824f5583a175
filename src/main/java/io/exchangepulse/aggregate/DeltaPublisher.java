package io.exchangepulse.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.platform.EventLog;
import io.exchangepulse.platform.Topics;
import io.exchangepulse.platform.Tracing;
import io.opentelemetry.api.trace.Span;
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

    @Inject
    Tracing tracing;

    /** A delta of counts changed by the current request (an archive imported). */
    public void publish(CountsDelta delta) {
        publish(delta, Span.current());
    }

    /**
     * Sends without waiting for Kafka's acknowledgement: the next batch need not wait for the live views,
     * and one producer on a one-partition topic keeps the deltas in order anyway. The delta's record carries
     * the context of a span under {@code cause} (the batch's counting), for the broadcasts that show it.
     */
    public void publish(CountsDelta delta, Span cause) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(delta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<ProducerRecord<String, byte[]>> record = List.of(new ProducerRecord<>(topics.deltas(), null, json));
        Span sending = tracing.send(cause, record);
        log.append(record).whenComplete((done, failure) -> {
            Tracing.end(sending, failure);
            if (failure != null) {
                LOG.warnf("A delta was not published (%s); live views will reload", failure.toString());
            }
        });
    }
}
