package io.exchangepulse.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Records that no reader accepts go to the dead-letter topic as they came, with the reason, their origin
 * and their sender in headers. They are first written to PostgreSQL in the transaction that decides them (the counting
 * batch, the operation event), then sent from there and forgotten once Kafka has them: a dead-letter
 * topic that is down never holds counting up, a retried batch never sends a letter twice, and nothing is
 * lost on the way.
 */
@ApplicationScoped
public class DeadLetterOutbox {

    private static final Logger LOG = Logger.getLogger(DeadLetterOutbox.class);

    public static final String REASON = "dead-letter-reason";
    public static final String ORIGIN = "dead-letter-origin";
    private static final int SEND_AT_ONCE = 500;

    /** One record that goes to the dead-letter topic: where it came from, as it came, why, and who sent it (if known). */
    public record Letter(String origin, String key, byte[] value, String reason, String sender) {

        /** A letter of {@code record}, whose value is {@code value} as it came. */
        public static Letter of(ConsumerRecord<String, ?> record, byte[] value, String reason) {
            Header sender = record.headers().lastHeader(EventLog.SENDER);
            return new Letter(record.topic() + "-" + record.partition() + "@" + record.offset(), record.key(), value, reason,
                    sender == null ? null : new String(sender.value(), StandardCharsets.UTF_8));
        }
    }

    @Inject
    Pool pool;

    @Inject
    EventLog log;

    @Inject
    Topics topics;

    @Inject
    MeterRegistry metrics;

    private final AtomicLong pending = new AtomicLong();

    void registerGauge(@Observes StartupEvent event) {
        metrics.gauge("pulse.dead.letters.pending", pending);
    }

    /** Writes the letters through {@code client}, inside the caller's transaction; a letter written before is kept as it was. */
    public Uni<Void> add(SqlClient client, List<Letter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(letters.size());
        for (Letter letter : letters) {
            rows.add(Tuple.of(letter.origin(), letter.key(), letter.value(), letter.reason(), letter.sender()));
        }
        return client.preparedQuery("INSERT INTO dead_letter (origin, record_key, value, reason, sender) VALUES ($1, $2, $3, $4, $5) "
                        + "ON CONFLICT (origin) DO NOTHING")
                .executeBatch(rows)
                .invoke(() -> letters.forEach(letter -> LOG.warnf("Dead letter from %s, sent by %s: %s", letter.origin(),
                        letter.sender() == null ? "an unnamed producer" : letter.sender(), letter.reason())))
                .replaceWithVoid();
    }

    /**
     * Sends what is waiting, oldest first, and forgets what Kafka acknowledged. Replicas share the work:
     * each takes rows the others have not locked.
     */
    @Scheduled(every = "${exchangepulse.dead-letters.send-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> send() {
        return pool.withTransaction(connection -> connection.preparedQuery(
                                "SELECT id, origin, record_key, value, reason, sender FROM dead_letter ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED")
                        .execute(Tuple.of(SEND_AT_ONCE))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                return Uni.createFrom().voidItem();
                            }
                            List<Long> ids = new ArrayList<>();
                            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                            for (Row row : rows) {
                                ids.add(row.getLong(0));
                                records.add(record(row));
                            }
                            // Off the event loop: a producer without the topic's metadata blocks for a while.
                            return Uni.createFrom().item(() -> log.appendEach(records))
                                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                                    .chain(appended -> Uni.createFrom().completionStage(appended))
                                    .ifNoItem().after(Duration.ofSeconds(15)).fail()
                                    .chain(acknowledged -> {
                                        // Only what Kafka has is forgotten: the next round sends the rest, not all again.
                                        Long[] sent = IntStream.range(0, ids.size()).filter(acknowledged::get)
                                                .mapToObj(ids::get).toArray(Long[]::new);
                                        return connection.preparedQuery("DELETE FROM dead_letter WHERE id = ANY($1)")
                                                .execute(Tuple.of(sent))
                                                .invoke(() -> metrics.counter("pulse.dead.letters.sent").increment(sent.length));
                                    })
                                    .replaceWithVoid();
                        }))
                .onFailure().invoke(e -> LOG.debugf("Dead letters not sent yet, trying again: %s", e.toString()))
                .onFailure().recoverWithNull()
                .chain(() -> pool.query("SELECT count(*) FROM dead_letter").execute())
                .invoke(count -> pending.set(count.iterator().next().getLong(0)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private ProducerRecord<String, byte[]> record(Row row) {
        var buffer = row.getBuffer(3);
        var record = new ProducerRecord<>(topics.deadLetters(), row.getString(2), buffer == null ? null : buffer.getBytes());
        record.headers().add(REASON, row.getString(4).getBytes(StandardCharsets.UTF_8));
        record.headers().add(ORIGIN, row.getString(1).getBytes(StandardCharsets.UTF_8));
        if (row.getString(5) != null) {
            record.headers().add(EventLog.SENDER, row.getString(5).getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
