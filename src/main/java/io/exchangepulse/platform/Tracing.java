package io.exchangepulse.platform;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's own spans, where Quarkus' instrumentation does not reach (src/docs/tracing.md). The service talks to
 * Kafka with plain clients (EventLog's producer, the aggregator's batches), so a trace's context travels in a record's
 * headers, written and read here with the configured propagators (W3C {@code traceparent} by default).
 *
 * <p>Only sampled traces are carried on: a span whose trace is not sampled writes no header, and a span that stands for
 * many traced things (a counted batch, a broadcast) is made only when one of them is sampled, as the child of the first
 * and linked to the others, so that parent-based sampling keeps a sampled request's trace whole. With tracing off
 * ({@link TracingSwitch}) nothing is made at all: no span, no header, no context read.
 */
@ApplicationScoped
public class Tracing {

    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");

    private static final TextMapGetter<Headers> FROM_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final boolean enabled;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    /** The first header the propagators write ({@code traceparent}), where one record's context differs from the next. */
    private final String primaryHeader;

    @Inject
    public Tracing(OpenTelemetry openTelemetry, @ConfigProperty(name = TracingSwitch.SDK_DISABLED) boolean disabled) {
        this.enabled = !disabled;
        this.tracer = openTelemetry.getTracer("io.exchangepulse");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.primaryHeader = propagator.fields().stream().findFirst().orElse(null);
    }

    /**
     * A producer span, {@code send <topic>}, for records that go to one topic together, under {@code parent}; its
     * context is written once and put into every record's headers. End it when Kafka has answered ({@link #end}).
     */
    public Span send(Span parent, List<ProducerRecord<String, byte[]>> records) {
        if (!enabled || !parent.getSpanContext().isSampled() || records.isEmpty()) {
            return Span.getInvalid();
        }
        String topic = records.get(0).topic();
        Span span = tracer.spanBuilder("send " + topic)
                .setParent(Context.root().with(parent))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "send")
                .setAttribute(BATCH_SIZE, (long) records.size())
                .startSpan();
        Map<String, String> carrier = new LinkedHashMap<>();
        propagator.inject(Context.root().with(span), carrier, (headers, key, value) -> headers.put(key, value));
        carrier.forEach((key, value) -> {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            records.forEach(record -> record.headers().add(key, bytes));
        });
        return span;
    }

    /** The span context a record's headers carry (invalid where none, or with tracing off). */
    public SpanContext carried(Headers headers) {
        if (!enabled) {
            return SpanContext.getInvalid();
        }
        return Span.fromContext(propagator.extract(Context.root(), headers, FROM_HEADERS)).getSpanContext();
    }

    /** Gathers the contexts a polled batch's records carry, for the one span that processes them all. */
    public BatchTrace batch() {
        return enabled ? new BatchTrace(this, primaryHeader) : BatchTrace.OFF;
    }

    /**
     * A span for work done for several traced things at once, begun at {@code start}: the child of the first of
     * {@code causes}, linked to the rest; none (invalid) when there are no causes.
     */
    public Span startFor(String name, SpanKind kind, Collection<SpanContext> causes, Instant start) {
        if (causes.isEmpty()) {
            return Span.getInvalid();
        }
        Iterator<SpanContext> each = causes.iterator();
        SpanBuilder builder = tracer.spanBuilder(name)
                .setParent(Context.root().with(Span.wrap(each.next())))
                .setSpanKind(kind)
                .setStartTimestamp(start);
        each.forEachRemaining(builder::addLink);
        return builder.startSpan();
    }

    /** Ends a span, marked as failed if the work failed. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
