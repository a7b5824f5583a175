package io.exchangepulse.platform;

import io.exchangepulse.support.TestTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.exchangepulse.support.TestTracing.carrying;
import static io.exchangepulse.support.TestTracing.remote;
import static org.assertj.core.api.Assertions.assertThat;

/** The span of a counted batch, and the headers a send writes, on an SDK of the test's own. */
class BatchTraceTest {

    static final SpanContext FIRST = remote("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);
    static final SpanContext SECOND = remote("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true);
    static final SpanContext UNSAMPLED = remote("5bf92f3577b34da6a3ce929d0e0e4736", "10f067aa0ba902b7", false);

    @Test
    void theBatchSpanIsTheChildOfTheFirstSampledRequestAndLinksEachOtherOnce() {
        TestTracing test = new TestTracing(true);
        BatchTrace batch = test.tracing.batch();
        for (var context : List.of(UNSAMPLED, FIRST, FIRST, SECOND, FIRST, SECOND)) {
            batch.add(carrying(context));
        }
        batch.add(new RecordHeaders());

        batch.start("pulse.events", 7).end();

        SpanData span = test.exported.getFinishedSpanItems().get(0);
        assertThat(span.getName()).isEqualTo("process pulse.events");
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getParentSpanContext()).isEqualTo(FIRST);
        assertThat(span.getLinks()).extracting(LinkData::getSpanContext).containsExactly(SECOND);
        assertThat(span.getAttributes().get(Tracing.BATCH_SIZE)).isEqualTo(7L);
        assertThat(span.getAttributes().get(Tracing.DESTINATION)).isEqualTo("pulse.events");
    }

    @Test
    void aBatchOfNoSampledRequestMakesNoSpan() {
        TestTracing test = new TestTracing(true);
        BatchTrace batch = test.tracing.batch();
        batch.add(carrying(UNSAMPLED));
        batch.add(new RecordHeaders());

        assertThat(batch.start("pulse.events", 2).getSpanContext().isValid()).isFalse();
    }

    @Test
    void linksStopAtWhatASpanKeeps() {
        TestTracing test = new TestTracing(true);
        BatchTrace batch = test.tracing.batch();
        for (int i = 0; i < 300; i++) {
            batch.add(carrying(remote("0af7651916cd43dd8448eb211c80319c", String.format("%016x", i + 1), true)));
        }

        batch.start("pulse.events", 300).end();

        assertThat(test.exported.getFinishedSpanItems().get(0).getLinks()).hasSize(BatchTrace.MAX_CAUSES - 1);
    }

    @Test
    void withTracingOffNothingIsReadWrittenOrMade() {
        TestTracing test = new TestTracing(false);
        BatchTrace batch = test.tracing.batch();
        batch.add(carrying(FIRST));
        var record = new ProducerRecord<String, byte[]>("pulse.events", "id", new byte[0]);

        assertThat(batch).isSameAs(BatchTrace.OFF);
        assertThat(batch.start("pulse.events", 1).getSpanContext().isValid()).isFalse();
        assertThat(test.tracing.send(Span.wrap(FIRST), List.of(record)).getSpanContext().isValid()).isFalse();
        assertThat(record.headers().toArray()).isEmpty();
        assertThat(test.tracing.carried(carrying(FIRST)).isValid()).isFalse();
        assertThat(test.exported.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void aSendWritesItsContextIntoEveryRecordOnlyWhenItsTraceIsSampled() {
        TestTracing test = new TestTracing(true);
        var records = List.of(new ProducerRecord<String, byte[]>("pulse.events", "a", new byte[0]),
                new ProducerRecord<String, byte[]>("pulse.events", "b", new byte[0]));

        Span send = test.tracing.send(Span.wrap(FIRST), records);
        send.end();

        String traceparent = "00-" + FIRST.getTraceId() + "-" + send.getSpanContext().getSpanId() + "-01";
        assertThat(records).allSatisfy(record -> assertThat(
                new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)).isEqualTo(traceparent));
        assertThat(test.tracing.carried(records.get(0).headers())).isEqualTo(remote(FIRST.getTraceId(), send.getSpanContext().getSpanId(), true));

        var unsampled = new ProducerRecord<String, byte[]>("pulse.events", "c", new byte[0]);
        assertThat(test.tracing.send(Span.wrap(UNSAMPLED), List.of(unsampled)).getSpanContext().isValid()).isFalse();
        assertThat(unsampled.headers().toArray()).isEmpty();
    }
}
