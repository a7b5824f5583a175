package io.exchangepulse.platform;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The sampled contexts that the records of one polled batch carry, each once, for the span that processes them all
 * ({@link Tracing#batch}). A request's records share one context and mostly lie next to each other in a batch: a
 * record whose header is the same as the one before is passed over without being read.
 */
public final class BatchTrace {

    /** With tracing off: takes nothing, makes nothing. */
    static final BatchTrace OFF = new BatchTrace(null, null);

    /** The most links a span keeps by default (OpenTelemetry's span limits): more would be dropped anyway. */
    static final int MAX_CAUSES = 128;

    private final Tracing tracing;
    private final String header;
    private final Set<SpanContext> causes = new LinkedHashSet<>();
    private byte[] previous;

    BatchTrace(Tracing tracing, String header) {
        this.tracing = tracing;
        this.header = header;
    }

    public void add(Headers headers) {
        if (tracing == null || causes.size() >= MAX_CAUSES) {
            return;
        }
        Header carried = header == null ? null : headers.lastHeader(header);
        byte[] value = carried == null ? null : carried.value();
        if (value != null && Arrays.equals(value, previous)) {
            return;
        }
        previous = value;
        SpanContext context = tracing.carried(headers);
        if (context.isSampled()) {
            causes.add(context);
        }
    }

    /** A consumer span, {@code process <topic>}, for the batch; none (invalid) when no record's trace is sampled. */
    public Span start(String topic, int records) {
        if (tracing == null) {
            return Span.getInvalid();
        }
        return tracing.startFor("process " + topic, SpanKind.CONSUMER, causes, Instant.now())
                .setAttribute(Tracing.MESSAGING_SYSTEM, "kafka")
                .setAttribute(Tracing.DESTINATION, topic)
                .setAttribute(Tracing.OPERATION, "process")
                .setAttribute(Tracing.BATCH_SIZE, (long) records);
    }
}
