package io.exchangepulse.platform;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The durable log that everything accepted goes into: one Kafka producer with acks=all and idempotence,
 * so that "appended" means "on every in-sync replica, once". Shared by the ingest resources and the
 * aggregator's dead letters.
 */
@ApplicationScoped
public class EventLog {

    /**
     * The header naming who sent a record (the caller's name and the party it spoke for), written at ingest
     * and kept with a dead letter: a disputed count is traced to its sender.
     */
    public static final String SENDER = "sender";

    /** A delta of a large batch of backfilled history can pass Kafka's default 1 MB. */
    public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    private final Producer<String, byte[]> producer;

    @Inject
    public EventLog(@Identifier("default-kafka-broker") Map<String, Object> kafka,
                    @ConfigProperty(name = "exchangepulse.kafka.producer.linger", defaultValue = "PT0.005S") Duration linger,
                    @ConfigProperty(name = "exchangepulse.kafka.producer.delivery-timeout", defaultValue = "PT10S") Duration deliveryTimeout) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(deliveryTimeout.toMillis(), 5_000));
        // A request thread must not hang on a missing broker: fail fast, the caller answers 503.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "exchange-pulse-log");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Completes when Kafka has acknowledged every record; fails if any record could not be appended. */
    public CompletableFuture<Void> append(List<ProducerRecord<String, byte[]>> records) {
        List<CompletableFuture<Void>> acknowledged = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            try {
                acknowledged.add(send(record));
            } catch (RuntimeException e) {
                // No room or no metadata within max.block.ms: the request fails now, whole (resends are safe).
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.allOf(acknowledged.toArray(CompletableFuture[]::new));
    }

    /**
     * Completes once every record is settled, telling which Kafka acknowledged: a sender that keeps what
     * failed (the dead-letter outbox) resends only that, not the records already appended.
     */
    public CompletableFuture<List<Boolean>> appendEach(List<ProducerRecord<String, byte[]>> records) {
        List<CompletableFuture<Boolean>> settled = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            try {
                settled.add(send(record).handle((ok, error) -> error == null));
            } catch (RuntimeException e) {
                // The producer takes nothing now: the rest wait for the next attempt, in their order.
                settled.add(CompletableFuture.completedFuture(false));
                break;
            }
        }
        while (settled.size() < records.size()) {
            settled.add(CompletableFuture.completedFuture(false));
        }
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new))
                .thenApply(all -> settled.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        var ack = new CompletableFuture<Void>();
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                ack.complete(null);
            } else {
                ack.completeExceptionally(error);
            }
        });
        return ack;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
