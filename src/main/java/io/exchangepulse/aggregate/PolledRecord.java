package io.exchangepulse.aggregate;

import io.exchangepulse.domain.Exchange;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One record of a polled batch, read: either an exchange, or the reason it is a dead letter. */
record PolledRecord(ConsumerRecord<String, byte[]> record, Exchange exchange, String rejection) {

    int partition() {
        return record.partition();
    }

    long offset() {
        return record.offset();
    }
}
