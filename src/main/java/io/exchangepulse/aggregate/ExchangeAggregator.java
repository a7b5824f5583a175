package io.exchangepulse.aggregate;

import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.domain.Admission;
import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.Violation;
import io.exchangepulse.platform.BatchTrace;
import io.exchangepulse.platform.CenterClock;
import io.exchangepulse.platform.DeadLetterOutbox;
import io.exchangepulse.platform.Failures;
import io.exchangepulse.platform.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts the exchange topic exactly once. Each polled batch becomes ONE PostgreSQL transaction that locks
 * the partitions' stored positions, skips records below them (a redelivery), judges each record against
 * its own time in the log, claims the ids not counted before (a resend), adds the folded increments,
 * writes the dead letters, and moves the positions past the batch. After the commit, the batch's
 * increments go to the delta topic for the live views of every replica.
 *
 * <p>A transaction that fails because something is down (the database, a lock, a timeout) changes nothing
 * and is tried again, with backoff, for as long as that lasts. One that fails because of what a record
 * holds would fail again: the batch is split in halves, each counted on its own, until the record that
 * fails is alone; it then becomes a dead letter with the failure as its reason, and counting goes on.
 */
@ApplicationScoped
public class ExchangeAggregator {

    private static final Logger LOG = Logger.getLogger(ExchangeAggregator.class);
    /** What a committed transaction did, on the batch's span (a batch that is split commits more than once). */
    private static final AttributeKey<Long> COUNTED = AttributeKey.longKey("pulse.counted");
    private static final AttributeKey<Long> DUPLICATES = AttributeKey.longKey("pulse.duplicates");
    private static final AttributeKey<Long> DEAD_LETTERS = AttributeKey.longKey("pulse.dead_letters");
    private static final AttributeKey<Long> ALREADY_COUNTED = AttributeKey.longKey("pulse.already_counted");

    @Inject
    Pool pool;

    @Inject
    StoredPositionRepository positions;

    @Inject
    CountedIdRepository countedIds;

    @Inject
    CountingGaps gaps;

    @Inject
    CounterRepository counters;

    @Inject
    DeadLetterOutbox deadLetters;

    @Inject
    CounterTables tables;

    @Inject
    Admission admission;

    @Inject
    DeltaPublisher deltas;

    @Inject
    CenterClock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    Tracing tracing;

    @Incoming("exchanges")
    public Uni<Void> count(ConsumerRecords<String, ExchangeValue> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ConsumerRecord<String, ExchangeValue>> polled = new ArrayList<>(records.count());
        BatchTrace trace = tracing.batch();
        for (ConsumerRecord<String, ExchangeValue> record : records) {
            polled.add(record);
            trace.add(record.headers());
        }
        // One span for the batch, under the first sampled request that sent into it and linked to the others.
        Span counting = trace.start(polled.get(0).topic(), polled.size());
        return countIsolating(polled, counting)
                .onTermination().invoke((done, failure, cancelled) -> Tracing.end(counting, failure));
    }

    /** A committed batch: what it did, and what it added for the live views. */
    private record Committed(BatchOutcome outcome, CountsDelta delta) {
    }

    /**
     * Counts the records in their log order; a failure that trying again cannot mend is narrowed down to the
     * records that cause it. Halves keep each partition's records contiguous and in order, so the positions
     * still move one batch after another.
     */
    private Uni<Void> countIsolating(List<ConsumerRecord<String, ExchangeValue>> batch, Span counting) {
        return countRetrying(batch, null, counting)
                .onFailure(failure -> !Failures.isTransient(failure)).recoverWithUni(failure -> {
                    if (batch.size() == 1) {
                        LOG.warnf("A record the database refuses becomes a dead letter: %s", failure.toString());
                        return countRetrying(batch, "the database refused it: " + failure.getMessage(), counting);
                    }
                    LOG.infof("A batch of %d failed for what it holds (%s); counting it in halves", batch.size(), failure.toString());
                    int half = batch.size() / 2;
                    return countIsolating(batch.subList(0, half), counting)
                            .chain(() -> countIsolating(batch.subList(half, batch.size()), counting));
                });
    }

    /** {@code refusal}, if not null: every record of the batch (then one) is a dead letter for that reason. */
    private Uni<Void> countRetrying(List<ConsumerRecord<String, ExchangeValue>> batch, String refusal, Span counting) {
        long start = System.nanoTime();
        return commit(batch, refusal)
                .onFailure(Failures::isTransient).invoke(e -> {
                    // A gap was said once, loudly, where it was found; the batch just waits for its acceptance.
                    if (!(e instanceof CountingGaps.Unaccepted)) {
                        LOG.warnf("Counting a batch of %d failed, trying again: %s", batch.size(), e.toString());
                    }
                })
                .onFailure(Failures::isTransient).retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                .invoke(committed -> record(committed.outcome(), System.nanoTime() - start, counting))
                .invoke(committed -> deltas.publish(committed.delta(), counting))
                .replaceWithVoid();
    }

    private Uni<Committed> commit(List<ConsumerRecord<String, ExchangeValue>> batch, String refusal) {
        String topic = batch.get(0).topic();
        Map<Integer, StoredPositionRepository.Progress> progress = new HashMap<>();
        for (ConsumerRecord<String, ExchangeValue> r : batch) {
            progress.merge(r.partition(), new StoredPositionRepository.Progress(r.offset() + 1, Instant.ofEpochMilli(r.timestamp())),
                    (a, b) -> new StoredPositionRepository.Progress(Math.max(a.nextOffset(), b.nextOffset()),
                            a.countedThrough().isAfter(b.countedThrough()) ? a.countedThrough() : b.countedThrough()));
        }
        long newestIngestedAt = clock.fromLog(batch.stream().mapToLong(ConsumerRecord::timestamp).max().orElse(0)).toEpochMilli();
        List<Instant> occurred = batch.stream().map(ExchangeValue::of).filter(ExchangeValue::isAccepted)
                .map(value -> value.exchange().occurredAt()).toList();
        return tables.ensureFor(occurred).chain(() -> pool.withTransaction(connection -> positions.lock(connection, topic, progress.keySet())
                .chain(stored -> {
                    for (Map.Entry<Integer, Long> position : stored.entrySet()) {
                        Optional<CountingGaps.Gap> gap = gaps.blocking(position.getKey(), position.getValue());
                        if (gap.isPresent()) {
                            return Uni.createFrom().failure(new CountingGaps.Unaccepted(gap.get()));
                        }
                    }
                    List<ConsumerRecord<String, ExchangeValue>> unseen = batch.stream()
                            .filter(r -> r.offset() >= stored.get(r.partition()))
                            .toList();
                    Map<UUID, CountedIdRepository.Candidate> candidates = new LinkedHashMap<>();
                    Map<UUID, ConsumerRecord<String, ExchangeValue>> firstCopies = new HashMap<>();
                    List<DeadLetterOutbox.Letter> letters = new ArrayList<>();
                    for (ConsumerRecord<String, ExchangeValue> r : unseen) {
                        ExchangeValue value = ExchangeValue.of(r);
                        Optional<String> rejection = refusal != null ? Optional.of(refusal) : rejection(r, value);
                        if (rejection.isPresent()) {
                            letters.add(DeadLetterOutbox.Letter.of(r, value.bytes(), rejection.get()));
                            continue;
                        }
                        Exchange exchange = value.exchange();
                        CountedIdRepository.Candidate earlier = candidates.putIfAbsent(exchange.id(),
                                new CountedIdRepository.Candidate(exchange, LocalDate.ofInstant(Instant.ofEpochMilli(r.timestamp()), ZoneOffset.UTC)));
                        if (earlier == null) {
                            firstCopies.put(exchange.id(), r);
                        } else if (earlier.exchange().fingerprint() != exchange.fingerprint()) {
                            letters.add(DeadLetterOutbox.Letter.of(r, value.bytes(), differs(exchange)));
                        }
                    }
                    List<CountsDelta.Span> spans = progress.entrySet().stream()
                            .map(e -> new CountsDelta.Span(e.getKey(), stored.get(e.getKey()), e.getValue().nextOffset()))
                            .toList();
                    return countedIds.claim(connection, candidates.values())
                            .chain(claim -> {
                                for (Exchange differing : claim.differing()) {
                                    ConsumerRecord<String, ExchangeValue> r = firstCopies.get(differing.id());
                                    letters.add(DeadLetterOutbox.Letter.of(r, r.value().bytes(), differs(differing)));
                                }
                                List<Exchange> fresh = claim.fresh();
                                int validUnseen = unseen.size() - letters.size();
                                Instant now = clock.instant();
                                Increments increments = Increments.of(fresh, clock.calendar(), (grain, bucket) -> tables.keeps(grain, bucket, now));
                                // Pipelined on the connection: one round trip for all of them.
                                return Uni.combine().all().unis(
                                                counters.add(connection, increments),
                                                deadLetters.add(connection, letters),
                                                positions.store(connection, topic, progress))
                                        .discardItems()
                                        .map(done -> new Committed(
                                                new BatchOutcome(fresh.size(), validUnseen - fresh.size(), letters.size(),
                                                        batch.size() - unseen.size()),
                                                new CountsDelta(spans, newestIngestedAt,
                                                        increments.deltaRows(Horizon.at(now, clock.calendar())))));
                            });
                })))
                .onFailure(Failures::isMissingPartition).invoke(tables::forget);
    }

    /** Why a copy of a counted id is not counted: it says something else than the copy that was. */
    private static String differs(Exchange exchange) {
        return "id " + exchange.id() + " was counted before with other content: a copy must repeat its original "
                + "(occurredAt, parties, agency, kind, channel, crime area and operation), and is counted once";
    }

    /** Why a record is not counted: it is not an exchange, or it arrived too late for its time. */
    private Optional<String> rejection(ConsumerRecord<String, ExchangeValue> record, ExchangeValue value) {
        if (!value.isAccepted()) {
            return Optional.of(value.rejection());
        }
        return admission.judge(value.exchange().occurredAt(), clock.fromLog(record.timestamp()))
                .map(Violation::message)
                .map(message -> "invalid exchange: occurredAt " + message);
    }

    private void record(BatchOutcome outcome, long nanos, Span counting) {
        metrics.counter("pulse.exchanges.counted").increment(outcome.counted());
        metrics.counter("pulse.exchanges.duplicates").increment(outcome.duplicates());
        metrics.counter("pulse.exchanges.dead.letters").increment(outcome.deadLettered());
        metrics.timer("pulse.aggregate.batch").record(Duration.ofNanos(nanos));
        if (counting.isRecording()) {
            counting.addEvent("committed", Attributes.of(COUNTED, (long) outcome.counted(), DUPLICATES, (long) outcome.duplicates(),
                    DEAD_LETTERS, (long) outcome.deadLettered(), ALREADY_COUNTED, (long) outcome.alreadyCommitted()));
        }
        if (outcome.alreadyCommitted() > 0) {
            LOG.debugf("Skipped %d records already counted (redelivery)", outcome.alreadyCommitted());
        }
    }
}
