package io.exchangepulse.live;

import io.exchangepulse.support.TestTracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.exchangepulse.support.TestTracing.remote;
import static org.assertj.core.api.Assertions.assertThat;

/** A delta's trace reaches the tick that first shows it, and only that tick. */
class BroadcastTracesTest {

    static final Instant NOW = Instant.parse("2026-11-28T09:30:10Z");
    static final SpanContext DELTA_A = remote("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);
    static final SpanContext DELTA_B = remote("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true);

    final TestTracing test = new TestTracing(true);
    final BroadcastTraces traces = new BroadcastTraces(test.tracing);

    @Test
    void theFirstTickThatShowsADeltasVersionLinksItAndNoLaterOne() {
        traces.applied(3, DELTA_A);
        traces.applied(4, DELTA_B);
        traces.applied(5, remote("5bf92f3577b34da6a3ce929d0e0e4736", "10f067aa0ba902b7", false));

        traces.ticked(NOW, 2, 1);
        assertThat(test.exported.getFinishedSpanItems()).as("no tick showed them yet").isEmpty();
        traces.ticked(NOW, 4, 12);
        traces.ticked(NOW.plusMillis(100), 5, 12);

        assertThat(test.exported.getFinishedSpanItems()).hasSize(1);
        SpanData broadcast = test.exported.getFinishedSpanItems().get(0);
        assertThat(broadcast.getName()).isEqualTo("live broadcast");
        assertThat(broadcast.getParentSpanContext()).isEqualTo(DELTA_A);
        assertThat(broadcast.getLinks()).extracting(LinkData::getSpanContext).containsExactly(DELTA_B);
        assertThat(broadcast.getAttributes().get(AttributeKey.longKey("pulse.live.deltas_written"))).isEqualTo(12L);
        assertThat(broadcast.getStartEpochNanos()).isEqualTo(NOW.toEpochMilli() * 1_000_000);
    }

    @Test
    void withTracingOffNoDeltaWaits() {
        TestTracing off = new TestTracing(false);
        BroadcastTraces untraced = new BroadcastTraces(off.tracing);
        untraced.applied(1, off.tracing.carried(TestTracing.carrying(DELTA_A)));

        untraced.ticked(NOW, 1, 3);

        assertThat(off.exported.getFinishedSpanItems()).isEmpty();
    }
}
