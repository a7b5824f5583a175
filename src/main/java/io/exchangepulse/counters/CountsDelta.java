package io.exchangepulse.counters;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * What one committed batch added to the counters, as every replica's live view needs it: published to
 * the delta topic after the commit. The positions form a chain per partition ({@code from} of a batch is
 * {@code to} of the one before), so a view that misses a delta notices the gap and reloads. A delta that
 * says {@code reload} carries nothing but that: counts changed outside counting (an archive imported), and
 * every view reads them again.
 */
@RegisterForReflection
public record CountsDelta(List<Span> spans, long newestIngestedAt, List<Row> rows, boolean reload) {

    public CountsDelta(List<Span> spans, long newestIngestedAt, List<Row> rows) {
        this(spans, newestIngestedAt, rows, false);
    }

    public static CountsDelta reloadAll() {
        return new CountsDelta(List.of(), 0, List.of(), true);
    }

    /** The stored position of one partition of the exchange topic before and after the batch. */
    @RegisterForReflection
    public record Span(int partition, long from, long to) {
    }

    /** One counter row's increment. */
    @RegisterForReflection
    public record Row(CounterKey key, long count) {
    }
}
