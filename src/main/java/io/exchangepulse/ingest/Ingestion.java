package io.exchangepulse.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.domain.Admission;
import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.ExchangeReader;
import io.exchangepulse.domain.OperationEvent;
import io.exchangepulse.domain.OperationEventReader;
import io.exchangepulse.domain.OperationEventType;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.Reading;
import io.exchangepulse.domain.Violation;
import io.exchangepulse.identity.Caller;
import io.exchangepulse.identity.Role;
import io.exchangepulse.operations.OperationParties;
import io.exchangepulse.platform.CenterClock;
import io.exchangepulse.platform.Draining;
import io.exchangepulse.platform.EventLog;
import io.exchangepulse.platform.Failures;
import io.exchangepulse.platform.ItemProblem;
import io.exchangepulse.platform.Problem;
import io.exchangepulse.platform.ProblemException;
import io.exchangepulse.platform.Topics;
import io.exchangepulse.platform.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every ingest endpoint does with a request: read the body item by item, judge each, reject the whole
 * request if any item is invalid, else append every item to Kafka and answer only once all are
 * acknowledged. A request is accepted whole or not at all. The moment the request arrived is the time each
 * record carries in Kafka, so the aggregator judges an exchange's lateness exactly as this did.
 */
@ApplicationScoped
public class Ingestion {

    private static final Logger LOG = Logger.getLogger(Ingestion.class);
    /** The broken rules an answer lists; the rest are counted. */
    static final int MAX_PROBLEMS = 100;

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
    Admission admission;

    @Inject
    OperationEventReader operationEventReader;

    @Inject
    Topics topics;

    @Inject
    Draining draining;

    @Inject
    CenterClock clock;

    @Inject
    OperationParties operationParties;

    @Inject
    PartyQuotas quotas;

    @Inject
    Tracing tracing;

    /** The largest body a request may have (more: 413, found while reading). */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    private Semaphore bodies;
    private final Map<String, AtomicInteger> bodiesByCaller = new ConcurrentHashMap<>();

    @PostConstruct
    void limitConcurrentBodies() {
        bodies = new Semaphore(config.concurrentBodies());
    }

    /** Exchanges are keyed by id, so that a resend lands in the partition of the original. */
    public Accepted exchanges(InputStream body, boolean ndjson, Caller caller) {
        return ingest("exchange", body, ndjson, this::admitted, topics.exchanges(), e -> e.id().toString(), caller,
                exchanges -> forbiddenExchanges(exchanges, caller),
                exchanges -> List.of(new PartyQuotas.Use(PartyQuotas.Quota.EXCHANGES_PER_MINUTE, exchanges.size())));
    }

    /** Operation events are keyed by operation, so that one operation's events stay in order. */
    public Accepted operationEvents(InputStream body, boolean ndjson, Caller caller) {
        return ingest("operation-event", body, ndjson, (node, arrival) -> operationEventReader.read(node),
                topics.operationEvents(), OperationEvent::operationId, caller, events -> forbiddenEvents(events, caller),
                events -> List.of(new PartyQuotas.Use(PartyQuotas.Quota.OPERATION_EVENTS_PER_DAY, events.size()),
                        new PartyQuotas.Use(PartyQuotas.Quota.OPERATIONS_OPENED_PER_DAY,
                                events.stream().filter(e -> e.type() == OperationEventType.OPENED).count())));
    }

    /** A liaison sends only as its own party. */
    private static List<ItemProblem> forbiddenExchanges(List<Exchange> exchanges, Caller caller) {
        List<ItemProblem> forbidden = new ArrayList<>();
        for (int index = 0; index < exchanges.size(); index++) {
            Exchange exchange = exchanges.get(index);
            if (!caller.maySendAs(exchange.from())) {
                forbidden.add(new ItemProblem(index, "from", "is " + exchange.from() + ", but "
                        + caller.party().map(party -> "this liaison speaks for " + party).orElse("the caller speaks for no party")
                        + ": a party sends only as itself"));
            }
        }
        return forbidden;
    }

    /**
     * A liaison reports only on operations its party takes part in (those it opens with itself among the
     * countries, and those on the board with it among theirs), reports results only for its own country, and
     * never opens an operation that is already open: operations change only through their parties' events.
     */
    private List<ItemProblem> forbiddenEvents(List<OperationEvent> events, Caller caller) {
        Map<String, OperationParties.Known> known = operationParties.of(events.stream()
                        .map(OperationEvent::operationId).collect(Collectors.toSet()))
                .await().atMost(Duration.ofSeconds(10));
        Map<String, List<Party>> parties = new HashMap<>();
        known.forEach((operation, on) -> parties.put(operation, on.parties()));
        List<ItemProblem> forbidden = new ArrayList<>();
        for (int index = 0; index < events.size(); index++) {
            OperationEvent event = events.get(index);
            if (event.type() == OperationEventType.OPENED) {
                if (known.containsKey(event.operationId()) && known.get(event.operationId()).opened()) {
                    forbidden.add(new ItemProblem(index, "operationId", "is " + event.operationId()
                            + ", which is already opened: an opening is never changed"));
                    continue;
                }
                parties.putIfAbsent(event.operationId(), event.countries());
            }
            if (!caller.mayReportFor(parties.getOrDefault(event.operationId(), List.of()))) {
                forbidden.add(new ItemProblem(index, "operationId", "is " + event.operationId() + ", which "
                        + caller.party().map(Party::name).orElse("the caller's party") + " takes no part in"));
            } else if (event.type() == OperationEventType.RESULT && !caller.mayReportResultIn(event.country())) {
                forbidden.add(new ItemProblem(index, "country", "is " + event.country() + ", but "
                        + caller.party().map(Party::name).orElse("the caller") + " reports results only in its own country"));
            }
        }
        return forbidden;
    }

    private Reading<Exchange> admitted(JsonNode node, Instant arrival) {
        Reading<Exchange> reading = exchangeReader.read(node);
        if (!reading.isValid()) {
            return reading;
        }
        Optional<Violation> late = admission.judge(reading.value().occurredAt(), arrival);
        return late.isPresent() ? Reading.invalid(List.of(late.get())) : reading;
    }

    /**
     * @param item    what one item is, for metrics and messages ("exchange")
     * @param reader  the domain's rules for one item that arrived at a moment
     * @param topic   where accepted items go
     * @param keyOf   the Kafka key of an item (it decides the partition)
     */
    private <T> Accepted ingest(String item, InputStream body, boolean ndjson, BiFunction<JsonNode, Instant, Reading<T>> reader,
                               String topic, Function<T, String> keyOf, Caller caller,
                               Function<List<T>, List<ItemProblem>> forbidden, Function<List<T>, List<PartyQuotas.Use>> usage) {
        if (draining.isDraining()) {
            throw new ProblemException(Problem.of("stopping", "Service stopping", 503,
                    "this replica is stopping; resend the request whole after Retry-After seconds (another replica "
                            + "will take it)"), String.valueOf(config.retryAfterSeconds()));
        }
        AtomicInteger callers = bodiesByCaller.computeIfAbsent(caller.name(), name -> new AtomicInteger());
        // Administrators, the center itself (its gateways, its simulator), have no share: as with the quotas.
        if (callers.incrementAndGet() > config.concurrentBodiesPerCaller() && !caller.is(Role.ADMIN)) {
            release(caller.name(), callers);
            metrics.counter("pulse.ingest.busy", "item", item).increment();
            throw new ProblemException(Problem.of("too-many-at-once", "Too many requests at once", 429, caller.name()
                    + " already sends " + config.concurrentBodiesPerCaller() + " requests at once; send this one after Retry-After seconds"), "1");
        }
        if (!bodies.tryAcquire()) {
            release(caller.name(), callers);
            metrics.counter("pulse.ingest.busy", "item", item).increment();
            throw new ProblemException(Problem.of("busy", "Replica busy", 503, "this replica is handling "
                    + config.concurrentBodies() + " requests already; resend the request after Retry-After seconds"), "1");
        }
        try {
            return ingestRead(item, body, ndjson, reader, topic, keyOf, caller, forbidden, usage);
        } finally {
            bodies.release();
            release(caller.name(), callers);
        }
    }

    private void release(String caller, AtomicInteger callers) {
        if (callers.decrementAndGet() <= 0) {
            bodiesByCaller.remove(caller, callers);
        }
    }

    private <T> Accepted ingestRead(String item, InputStream body, boolean ndjson, BiFunction<JsonNode, Instant, Reading<T>> reader,
                                    String topic, Function<T, String> keyOf, Caller caller,
                                    Function<List<T>, List<ItemProblem>> forbidden, Function<List<T>, List<PartyQuotas.Use>> usage) {
        Instant arrival = clock.instant();
        Judged judged = new Judged();
        List<T> values = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        int items = SubmittedItems.read(body, ndjson, config.maxItems(), maxBodySize.asLongValue(), (index, node) -> {
            Reading<T> reading = reader.apply(node, arrival);
            if (!reading.isValid()) {
                judged.broken(index, reading.violations());
            } else if (judged.problems.isEmpty()) {
                values.add(reading.value());
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, clock.toLog(arrival),
                        keyOf.apply(reading.value()), json(reading.value()));
                record.headers().add(EventLog.SENDER, caller.sender().getBytes(StandardCharsets.UTF_8));
                records.add(record);
            }
        });
        if (!judged.problems.isEmpty()) {
            metrics.counter("pulse.ingest.rejected", "item", item).increment(items);
            String listed = judged.count > MAX_PROBLEMS ? "; the first " + MAX_PROBLEMS + " of " + judged.count + " problems are listed" : "";
            throw new ProblemException(new Problem("urn:exchange-pulse:problem:invalid-items", "Invalid items", 400,
                    judged.invalidItems + " of " + items + " " + item + (items == 1 ? "" : "s") + " invalid; "
                            + "nothing was accepted" + listed, judged.problems,
                    judged.count > MAX_PROBLEMS ? judged.count : null));
        }
        List<ItemProblem> refused = forbidden.apply(values);
        if (!refused.isEmpty()) {
            metrics.counter("pulse.ingest.forbidden", "item", item).increment(items);
            throw new ProblemException(new Problem("urn:exchange-pulse:problem:forbidden-items", "Forbidden items", 403,
                    refused.size() + " of " + items + " " + item + (items == 1 ? "" : "s") + " may not be sent by " + caller.name()
                            + "; nothing was accepted", refused.subList(0, Math.min(refused.size(), MAX_PROBLEMS)),
                    refused.size() > MAX_PROBLEMS ? refused.size() : null));
        }
        Optional<Party> quotaParty = caller.is(Role.ADMIN) ? Optional.empty() : caller.party();
        List<PartyQuotas.Use> uses = usage.apply(values);
        boolean taken = quotaParty.map(party -> take(item, party, uses, arrival)).orElse(false);
        try {
            append(item, records);
        } catch (ProblemException unavailable) {
            if (taken) {
                giveBack(quotaParty.get(), uses, arrival);
            }
            throw unavailable;
        }
        metrics.counter("pulse.ingest.accepted", "item", item).increment(records.size());
        return new Accepted(records.size());
    }

    /**
     * Takes the request's use of the party's quotas, or refuses it with 429 and when to send again. While the
     * database is away the quota cannot be counted and the request passes: ingest stays up on Kafka alone.
     */
    private boolean take(String item, Party party, List<PartyQuotas.Use> uses, Instant now) {
        for (PartyQuotas.Use use : uses) {
            if (use.amount() > quotas.limit(use.quota())) {
                throw new ProblemException(Problem.of("larger-than-quota", "Larger than the quota", 413, "the request holds "
                        + use.amount() + " " + use.quota().what() + ", more than " + party + "'s whole quota of "
                        + quotas.limit(use.quota()) + "; split it, nothing was accepted"));
            }
        }
        Optional<PartyQuotas.Exceeded> exceeded;
        try {
            exceeded = quotas.take(party, uses, now).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException unavailable) {
            if (!Failures.isTransient(unavailable)) {
                throw unavailable;
            }
            metrics.counter("pulse.ingest.quota.unchecked", "item", item).increment();
            LOG.warnf("The quotas of %s could not be counted (%s): the request passes", party, unavailable.toString());
            return false;
        }
        if (exceeded.isPresent()) {
            metrics.counter("pulse.ingest.quota.exceeded", "item", item, "quota", exceeded.get().quota().name()).increment();
            throw new ProblemException(Problem.of("quota-exceeded", "Quota exceeded", 429, exceeded.get().describe(party)
                    + "; nothing was accepted: send again after Retry-After seconds"),
                    String.valueOf(Math.max(1, exceeded.get().retryAfter().toSeconds())));
        }
        return true;
    }

    /** What a request took of its party's quotas goes back when Kafka does not take it; if that fails, the 503 stands. */
    private void giveBack(Party party, List<PartyQuotas.Use> uses, Instant now) {
        try {
            quotas.giveBack(party, uses, now).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warnf("The quotas of %s could not be given back (%s)", party, e.toString());
        }
    }

    /** The broken rules of a request so far: the first {@link #MAX_PROBLEMS} kept, all counted. */
    private static final class Judged {
        final List<ItemProblem> problems = new ArrayList<>();
        int count;
        int invalidItems;

        void broken(int index, List<Violation> violations) {
            invalidItems++;
            for (Violation violation : violations) {
                if (++count <= MAX_PROBLEMS) {
                    problems.add(new ItemProblem(index, violation.field(), violation.message()));
                }
            }
        }
    }

    /** The request's records go out under one span, a child of the request's: their headers carry its context. */
    private void append(String item, List<ProducerRecord<String, byte[]>> records) {
        Span sending = tracing.send(Span.current(), records);
        Throwable failure = null;
        try {
            log.append(records).get(config.appendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            failure = e;
            LOG.warnf("Kafka did not take %d %ss: %s", records.size(), item,
                    e.getCause() == null ? e.toString() : e.getCause().toString());
            metrics.counter("pulse.ingest.unavailable", "item", item).increment(records.size());
            throw new ProblemException(Problem.of("log-unavailable", "Event log unavailable", 503,
                    "the event log (Kafka) could not take the request; resend it whole after Retry-After seconds "
                            + "(ids already written are counted once)"), String.valueOf(config.retryAfterSeconds()));
        } catch (InterruptedException e) {
            failure = e;
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Tracing.end(sending, failure);
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
