package io.exchangepulse.support;

import io.exchangepulse.platform.Tracing;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/** The service's tracing on an SDK of its own, exporting each span as it ends into {@link #exported}, for unit tests. */
public final class TestTracing {

    public final InMemorySpanExporter exported = InMemorySpanExporter.create();
    public final Tracing tracing;

    public TestTracing(boolean enabled) {
        var sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        this.tracing = new Tracing(sdk, !enabled);
    }

    /** A context another process made, as it arrives: remote. */
    public static SpanContext remote(String traceId, String spanId, boolean sampled) {
        return SpanContext.createFromRemoteParent(traceId, spanId, sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
                TraceState.getDefault());
    }

    /** A record's headers carrying {@code context} as W3C Trace Context. */
    public static Headers carrying(SpanContext context) {
        String traceparent = "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
        return new RecordHeaders().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    }
}
