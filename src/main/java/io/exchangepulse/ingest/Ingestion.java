package io.exchangepulse.ingest;

import io.exchangepulse.platform.ItemProblem;
import io.exchangepulse.platform.Problem;
import io.exchangepulse.platform.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.domain.ExchangeReader;
import io.exchangepulse.domain.OperationEvent;
import io.exchangepulse.domain.OperationEventReader;
import io.exchangepulse.domain.Reading;
import io.exchangepulse.platform.Topics;
import io.exchangepulse.platform.Draining;
import io.exchangepulse.platform.EventLog;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * What every ingest endpoint does with a request: split the body into items, read each, reject the whole
 * request if any item is invalid, else append every item to Kafka and answer only once all are
 * acknowledged. A request is accepted whole or not at all.
 */
@ApplicationScoped
public class Ingestion {

    private static final Logger LOG = Logger.getLogger(Ingestion.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    EventLog log;

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    ExchangeReader exchangeReader;

    @Inject
    OperationEventReader operationEventReader;

    @Inject
    Topics topics;

    @Inject
    Draining draining;

    /** Exchanges are keyed by id, so that a resend lands in the partition of the original. */
    public Accepted exchanges(byte[] body, boolean ndjson) {
        return ingest("exchange", body, ndjson, exchangeReader::read, topics.exchanges(), e -> e.id().toString());
    }

    /** Operation events are keyed by operation, so that one operation's events stay in order. */
    public Accepted operationEvents(byte[] body, boolean ndjson) {
        return ingest("operation-event", body, ndjson, operationEventReader::read, topics.operationEvents(),
                OperationEvent::operationId);
    }

    /**
     * @param item    what one item is, for metrics and messages ("exchange")
     * @param reader  the domain's rules for one item
     * @param topic   where accepted items go
     * @param keyOf   the Kafka key of an item (it decides the partition)
     */
    private <T> Accepted ingest(String item, byte[] body, boolean ndjson, Function<JsonNode, Reading<T>> reader,
                               String topic, Function<T, String> keyOf) {
        if (draining.isDraining()) {
            throw new ProblemException(Problem.of("stopping", "Service stopping", 503,
                    "this replica is stopping; resend the request whole after Retry-After seconds (another replica "
                            + "will take it)"), String.valueOf(config.retryAfterSeconds()));
        }
        List<JsonNode> items = SubmittedItems.parse(mapper, body, ndjson, config.maxItems());
        List<ItemProblem> problems = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            Reading<T> reading = reader.apply(items.get(index));
            if (!reading.isValid()) {
                int at = index;
                reading.violations().forEach(v -> problems.add(new ItemProblem(at, v.field(), v.message())));
            } else if (problems.isEmpty()) {
                records.add(new ProducerRecord<>(topic, keyOf.apply(reading.value()), json(reading.value())));
            }
        }
        if (!problems.isEmpty()) {
            metrics.counter("pulse.ingest.rejected", "item", item).increment(items.size());
            long invalid = problems.stream().mapToInt(ItemProblem::index).distinct().count();
            throw new ProblemException(new Problem("urn:exchange-pulse:problem:invalid-items", "Invalid items", 400,
                    invalid + " of " + items.size() + " " + item + (items.size() == 1 ? "" : "s") + " invalid; "
                            + "nothing was accepted", problems));
        }
        append(item, records);
        metrics.counter("pulse.ingest.accepted", "item", item).increment(records.size());
        return new Accepted(records.size());
    }

    private void append(String item, List<ProducerRecord<String, byte[]>> records) {
        try {
            log.append(records).get(config.appendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Kafka did not take %d %ss: %s", records.size(), item,
                    e.getCause() == null ? e.toString() : e.getCause().toString());
            metrics.counter("pulse.ingest.unavailable", "item", item).increment(records.size());
            throw new ProblemException(Problem.of("log-unavailable", "Event log unavailable", 503,
                    "the event log (Kafka) could not take the request; resend it whole after Retry-After seconds "
                            + "(ids already written are counted once)"), String.valueOf(config.retryAfterSeconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
