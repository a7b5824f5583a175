package io.exchangepulse.counters;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Objects;

/**
 * What one committed batch added to the counters, as every replica's live view needs it: published to
 * the delta topic after the commit. The positions form a chain per partition ({@code from} of a batch is
 * {@code to} of the one before), so a view that misses a delta notices the gap and reloads. A delta that
 * says {@code reload} carries nothing but that: counts changed outside counting (an archive imported), and
 * every view reads them again.
 *
 * <p>During a rolling deploy replicas of two versions read each other's deltas. A delta says its
 * {@code format} and the live rows it {@code carries} (the publisher's declaration, {@link CounterFamily#live()}),
 * so a reader can tell whether it holds everything the reader's own views need; readers ignore fields and
 * codes they do not know (see {@code LiveDeltaConsumer}). A delta of format 1 (before these fields) says neither.
 */
@RegisterForReflection
public record CountsDelta(int format, List<LiveRows> carries, List<Span> spans, long newestIngestedAt, List<Row> rows,
                          boolean reload) {

    /** Raised when a reader of the format before would misread a delta, not when fields are only added. */
    public static final int FORMAT = 2;

    public CountsDelta(List<Span> spans, long newestIngestedAt, List<Row> rows) {
        this(FORMAT, CounterFamily.allLive(), spans, newestIngestedAt, rows, false);
    }

    public static CountsDelta reloadAll() {
        return new CountsDelta(FORMAT, List.of(), List.of(), 0, List.of(), true);
    }

    /** Whether the delta carries every row of {@code live}: false for one that does not say what it carries. */
    public boolean carriesAll(List<LiveRows> live) {
        List<LiveRows> carried = carries == null ? List.of() : carries.stream().filter(Objects::nonNull).toList();
        return live.stream().allMatch(rows -> carried.stream().anyMatch(rows::within));
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
