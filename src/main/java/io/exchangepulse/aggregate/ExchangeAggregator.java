package io.exchangepulse.aggregate;

import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.counters.LiveRows;
import io.exchangepulse.domain.Exchange;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts the exchange topic exactly once. Each polled batch becomes ONE PostgreSQL transaction that
 * locks the partitions' stored positions, skips records below them (a redelivery), claims the ids not
 * counted before (a resend), adds the folded increments, and moves the positions past the batch. A
 * failed transaction changes nothing and is tried again; nothing is skipped to make progress. After the
 * commit, the batch's increments go to the delta topic for the live views of every replica.
 */
@ApplicationScoped
public class ExchangeAggregator {

    private static final Logger LOG = Logger.getLogger(ExchangeAggregator.class);

    @Inject
    Pool pool;

    @Inject
    StoredPositionRepository positions;

    @Inject
    CountedIdRepository countedIds;

    @Inject
    CounterRepository counters;

    @Inject
    LiveRows liveRows;

    @Inject
    DeadLetters deadLetters;

    @Inject
    DeltaPublisher deltas;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Incoming("exchanges")
    public Uni<Void> count(ConsumerRecords<String, ExchangeValue> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ConsumerRecord<String, ExchangeValue>> polled = new ArrayList<>(records.count());
        records.forEach(polled::add);
        long start = System.nanoTime();
        return commit(polled)
                .onFailure().invoke(e -> LOG.warnf("Counting a batch of %d failed, trying again: %s", polled.size(), e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                .invoke(committed -> record(committed.outcome(), System.nanoTime() - start))
                .invoke(committed -> deltas.publish(committed.delta()))
                .replaceWithVoid();
    }

    /** A committed batch: what it did, and what it added for the live views. */
    private record Committed(BatchOutcome outcome, CountsDelta delta) {
    }

    private Uni<Committed> commit(List<ConsumerRecord<String, ExchangeValue>> polled) {
        String topic = polled.get(0).topic();
        Map<Integer, Long> nextOffsets = new HashMap<>();
        polled.forEach(r -> nextOffsets.merge(r.partition(), r.offset() + 1, Math::max));
        long newestIngestedAt = polled.stream().mapToLong(ConsumerRecord::timestamp).max().orElse(0);
        return pool.withTransaction(connection -> positions.lock(connection, topic, nextOffsets.keySet())
                .chain(stored -> {
                    List<ConsumerRecord<String, ExchangeValue>> unseen = polled.stream()
                            .filter(r -> r.offset() >= stored.get(r.partition()))
                            .toList();
                    Map<UUID, Exchange> candidates = new LinkedHashMap<>();
                    List<ConsumerRecord<String, ExchangeValue>> rejected = new ArrayList<>();
                    for (ConsumerRecord<String, ExchangeValue> r : unseen) {
                        ExchangeValue value = ExchangeValue.of(r);
                        if (value.isAccepted()) {
                            candidates.putIfAbsent(value.exchange().id(), value.exchange());
                        } else {
                            rejected.add(r);
                        }
                    }
                    int validUnseen = unseen.size() - rejected.size();
                    List<CountsDelta.Span> spans = nextOffsets.entrySet().stream()
                            .map(e -> new CountsDelta.Span(e.getKey(), stored.get(e.getKey()), e.getValue()))
                            .toList();
                    return countedIds.claimNew(connection, candidates.values(), LocalDate.now(clock))
                            .chain(fresh -> {
                                Increments increments = Increments.of(fresh);
                                // Pipelined on the connection: one round trip for all of them.
                                return Uni.combine().all().unis(
                                                counters.add(connection, increments),
                                                deadLetters.send(rejected),
                                                positions.store(connection, topic, nextOffsets))
                                        .discardItems()
                                        .map(done -> new Committed(
                                                new BatchOutcome(fresh.size(), validUnseen - fresh.size(), polled.size() - unseen.size()),
                                                new CountsDelta(spans, newestIngestedAt,
                                                        increments.deltaRows(liveRows, Horizon.at(clock.instant())))));
                            });
                }));
    }

    private void record(BatchOutcome outcome, long nanos) {
        metrics.counter("pulse.exchanges.counted").increment(outcome.counted());
        metrics.counter("pulse.exchanges.duplicates").increment(outcome.duplicates());
        metrics.timer("pulse.aggregate.batch").record(Duration.ofNanos(nanos));
        if (outcome.alreadyCommitted() > 0) {
            LOG.debugf("Skipped %d records already counted (redelivery)", outcome.alreadyCommitted());
        }
    }
}
