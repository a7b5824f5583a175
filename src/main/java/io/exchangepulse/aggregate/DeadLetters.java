package io.exchangepulse.aggregate;

import io.exchangepulse.platform.EventLog;
import io.exchangepulse.platform.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Records on the exchange topic that no reader accepts (other producers write there too) go to the
 * dead-letter topic as they came, with the reason and their origin in headers, and are counted in a metric.
 * They never stall their partition.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    public static final String REASON = "dead-letter-reason";
    public static final String ORIGIN = "dead-letter-origin";

    @Inject
    EventLog log;

    @Inject
    Topics topics;

    @Inject
    MeterRegistry metrics;

    Uni<Void> send(List<ConsumerRecord<String, ExchangeValue>> rejected) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ProducerRecord<String, byte[]>> letters = rejected.stream().map(this::letter).toList();
        return Uni.createFrom().completionStage(() -> log.append(letters))
                .invoke(() -> {
                    metrics.counter("pulse.exchanges.dead.letters").increment(letters.size());
                    rejected.forEach(r -> LOG.warnf("Dead letter from %s-%d@%d: %s", r.topic(), r.partition(),
                            r.offset(), ExchangeValue.of(r).rejection()));
                });
    }

    private ProducerRecord<String, byte[]> letter(ConsumerRecord<String, ExchangeValue> source) {
        ExchangeValue value = ExchangeValue.of(source);
        var letter = new ProducerRecord<>(topics.deadLetters(), source.key(), value.bytes());
        letter.headers().add(REASON, value.rejection().getBytes(StandardCharsets.UTF_8));
        letter.headers().add(ORIGIN, (source.topic() + "-" + source.partition() + "@" + source.offset())
                .getBytes(StandardCharsets.UTF_8));
        return letter;
    }
}
