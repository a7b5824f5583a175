package io.exchangepulse.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** Produces straight to the exchange topic, as another producer of the center's would (key: the id). */
final class KafkaSink implements TrafficSink {

    private final ObjectMapper mapper = new ObjectMapper();
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    KafkaSink(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public CompletionStage<Integer> send(List<Map<String, Object>> batch) {
        var done = new CompletableFuture<Integer>();
        var pending = new AtomicInteger(batch.size());
        var accepted = new AtomicInteger();
        for (Map<String, Object> exchange : batch) {
            byte[] value;
            try {
                value = mapper.writeValueAsBytes(exchange);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            producer.send(new ProducerRecord<>(topic, (String) exchange.get("id"), value), (metadata, error) -> {
                if (error == null) {
                    accepted.incrementAndGet();
                }
                if (pending.decrementAndGet() == 0) {
                    done.complete(accepted.get());
                }
            });
        }
        return done;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
