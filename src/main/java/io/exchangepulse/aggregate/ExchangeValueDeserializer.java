package io.exchangepulse.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.ExchangeReader;
import io.exchangepulse.domain.Reading;
import io.exchangepulse.domain.Violation;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads and judges each exchange record on the Kafka consumer's own thread, as it is fetched: the next
 * batch is parsed while the aggregator's transaction for the current one is still in PostgreSQL. It
 * never throws, so a record no reader accepts becomes a dead letter instead of stalling its partition. When
 * it may arrive is judged later, against the record's time ({@code Admission}). Kafka makes it by its class
 * name, hence its own mapper and reader: the beans' rules, but fields it does not know are passed over
 * ({@link ExchangeReader#forLog()}), so a newer replica's exchanges are counted during a rolling deploy.
 */
public class ExchangeValueDeserializer implements Deserializer<ExchangeValue> {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ExchangeReader reader = ExchangeReader.forLog();

    @Override
    public ExchangeValue deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return ExchangeValue.EMPTY;
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            return ExchangeValue.rejected("not JSON: " + e.getMessage().lines().findFirst().orElse(""), bytes);
        }
        Reading<Exchange> reading = reader.read(node);
        if (!reading.isValid()) {
            return ExchangeValue.rejected("invalid exchange: " + reading.violations().stream()
                    .map(ExchangeValueDeserializer::describe).collect(Collectors.joining("; ")), bytes);
        }
        return ExchangeValue.accepted(reading.value(), bytes);
    }

    private static String describe(Violation violation) {
        return violation.field().isEmpty() ? violation.message() : violation.field() + " " + violation.message();
    }
}
