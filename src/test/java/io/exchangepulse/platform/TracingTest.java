package io.exchangepulse.platform;

import io.exchangepulse.support.Counts;
import io.exchangepulse.support.KafkaTopics;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.Windows;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from a request through Kafka to counting and to the walls, read from the suite's in-memory exporter
 * (support/InMemorySpans): the tests trace everything.
 */
@QuarkusTest
@Tag("component")
class TracingTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final AttributeKey<Long> DELTAS_WRITTEN = AttributeKey.longKey("pulse.live.deltas_written");

    @Inject
    InMemorySpanExporter exported;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aRequestsTraceGoesThroughKafkaToCountingAndToTheDeltaTheWallGets() throws Exception {
        exported.reset();
        var exchange = valid(Windows.fresh());
        try (LiveClient wall = LiveClient.connect(root.getPort())) {
            wall.until(message -> message.path("type").asText().equals("snapshot"), WAIT);

            given().contentType(ContentType.JSON).body(exchange)
                    .when().post("/api/v1/exchanges")
                    .then().statusCode(202);

            ConsumerRecord<String, byte[]> record = KafkaTopics.readAll(Counts.EXCHANGES).stream()
                    .filter(r -> exchange.get("id").equals(r.key())).findFirst().orElseThrow();
            Header traceparent = record.headers().lastHeader("traceparent");
            assertThat(traceparent).as("the record carries its trace").isNotNull();
            String[] carried = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");

            SpanData send = awaitSpan("send pulse.events", span -> span.getSpanId().equals(carried[2]));
            assertThat(send.getTraceId()).isEqualTo(carried[1]);
            assertThat(carried[3]).as("sampled").isEqualTo("01");
            assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(send.getAttributes().get(Tracing.DESTINATION)).isEqualTo("pulse.events");
            assertThat(send.getAttributes().get(Tracing.BATCH_SIZE)).isEqualTo(1L);
            SpanData request = awaitSpan("POST /api/v1/exchanges", span -> same(span.getSpanContext(), send.getParentSpanContext()));
            assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(request.getTraceId()).isEqualTo(send.getTraceId());

            SpanData counting = awaitSpan("process pulse.events", span -> causes(span).anyMatch(cause -> same(cause, send.getSpanContext())));
            assertThat(counting.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(causes(counting).filter(cause -> same(cause, send.getSpanContext())).map(SpanContext::getTraceId))
                    .as("counting is the child of, or linked to, the request's trace").containsExactly(request.getTraceId());
            assertThat(counting.getEvents()).extracting(EventData::getName).contains("committed");

            SpanData delta = awaitSpan("send pulse.deltas", span -> same(span.getParentSpanContext(), counting.getSpanContext()));
            assertThat(delta.getTraceId()).isEqualTo(counting.getTraceId());
            assertThat(delta.getKind()).isEqualTo(SpanKind.PRODUCER);

            SpanData broadcast = awaitSpan("live broadcast", span -> causes(span).anyMatch(cause -> same(cause, delta.getSpanContext())));
            assertThat(broadcast.getAttributes().get(DELTAS_WRITTEN)).as("the delta reached the wall").isPositive();
        }
    }

    /** Spans are exported a moment after they end, and counting and the walls follow the request: waits for one. */
    private SpanData awaitSpan(String name, Predicate<SpanData> wanted) {
        return await().atMost(WAIT).until(() -> exported.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name)).filter(wanted).findFirst(), Optional::isPresent).get();
    }

    /** The same span, whether seen from inside its process or carried to another (a remote context). */
    private static boolean same(SpanContext a, SpanContext b) {
        return a.isValid() && a.getTraceId().equals(b.getTraceId()) && a.getSpanId().equals(b.getSpanId());
    }

    /** What a span was made for: its parent and the spans it links to. */
    private static Stream<SpanContext> causes(SpanData span) {
        return Stream.concat(Stream.of(span.getParentSpanContext()).filter(SpanContext::isValid),
                span.getLinks().stream().map(LinkData::getSpanContext));
    }
}
