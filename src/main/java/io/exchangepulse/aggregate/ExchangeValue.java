package io.exchangepulse.aggregate;

import io.exchangepulse.domain.Exchange;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record of the exchange topic as read: the exchange, or why it is a dead letter and the bytes as they came. */
record ExchangeValue(Exchange exchange, String rejection, byte[] bytes) {

    static final ExchangeValue EMPTY = rejected("empty record (no value)", null);

    /** Kafka hands an empty record (a tombstone) over as null, without asking the deserializer. */
    static ExchangeValue of(ConsumerRecord<?, ExchangeValue> record) {
        return record.value() != null ? record.value() : EMPTY;
    }

    /** The bytes are kept: an exchange the aggregator finds too late becomes a dead letter as it came. */
    static ExchangeValue accepted(Exchange exchange, byte[] bytes) {
        return new ExchangeValue(exchange, null, bytes);
    }

    static ExchangeValue rejected(String reason, byte[] bytes) {
        return new ExchangeValue(null, reason, bytes);
    }

    boolean isAccepted() {
        return exchange != null;
    }
}
