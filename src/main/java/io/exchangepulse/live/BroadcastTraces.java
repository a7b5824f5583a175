package io.exchangepulse.live;

import io.exchangepulse.platform.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries a counted batch's trace to the walls (src/docs/tracing.md): the context each applied delta's record carried
 * waits here with the live copy's version that holds it, and the first tick that renders that version makes a
 * {@code live broadcast} span for it, under the first such delta and linked to the others, with the deltas it wrote.
 * A delta's counts reach the walls in that tick (a viewer still writing gets them in a later one).
 */
@ApplicationScoped
class BroadcastTraces {

    private static final AttributeKey<Long> DELTAS_WRITTEN = AttributeKey.longKey("pulse.live.deltas_written");
    /** Deltas come one a counted batch; ticks take them ten times a second. A bound all the same. */
    private static final int MAX_WAITING = 128;

    private record Applied(long version, SpanContext delta) {
    }

    private final Tracing tracing;
    private final ArrayDeque<Applied> waiting = new ArrayDeque<>();

    @Inject
    BroadcastTraces(Tracing tracing) {
        this.tracing = tracing;
    }

    /** A delta whose record carried {@code delta} is in the live copy from {@code version} on. */
    void applied(long version, SpanContext delta) {
        if (!delta.isSampled()) {
            return;
        }
        synchronized (waiting) {
            if (waiting.size() == MAX_WAITING) {
                waiting.removeFirst();
            }
            waiting.addLast(new Applied(version, delta));
        }
    }

    /** A tick that began at {@code began} rendered {@code version} and wrote {@code deltasWritten} deltas. */
    void ticked(Instant began, long version, int deltasWritten) {
        List<SpanContext> shown = shownAt(version);
        if (shown.isEmpty()) {
            return;
        }
        Span broadcast = tracing.startFor("live broadcast", SpanKind.INTERNAL, shown, began);
        broadcast.setAttribute(DELTAS_WRITTEN, deltasWritten);
        broadcast.end();
    }

    private List<SpanContext> shownAt(long version) {
        synchronized (waiting) {
            if (waiting.isEmpty()) {
                return List.of();
            }
            List<SpanContext> shown = new ArrayList<>();
            while (!waiting.isEmpty() && waiting.peekFirst().version() <= version) {
                shown.add(waiting.removeFirst().delta());
            }
            return shown;
        }
    }
}
