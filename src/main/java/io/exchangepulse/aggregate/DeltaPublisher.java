package io.exchangepulse.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.platform.EventLog;
import io.exchangepulse.platform.Topics;
import io.smallrye.mutiny.Uni;
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

    Uni<Void> publish(CountsDelta delta) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(delta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Uni.createFrom().completionStage(() -> log.append(List.of(new ProducerRecord<>(topics.deltas(), null, json))))
                .onFailure().invoke(e -> LOG.warnf("A delta was not published (%s); live views will reload", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
