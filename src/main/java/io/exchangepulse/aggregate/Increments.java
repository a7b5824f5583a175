package io.exchangepulse.aggregate;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.Grain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A batch of exchanges folded into counter increments: one per family, grain, bucket and dimension
 * values, however many exchanges fall on it. This is what turns thousands of events into a few hundred
 * row updates.
 */
final class Increments {

    /** One counter row's increment. */
    record Increment(Grain grain, Instant bucket, List<String> dimensions, long count) {
    }

    /** Rows are written in one global order, so concurrent batches lock them in the same order: no deadlocks. */
    private static final Comparator<Increment> ROW_ORDER = Comparator
            .comparing(Increment::grain)
            .thenComparing(Increment::bucket)
            .thenComparing(i -> String.join("\u0000", i.dimensions()));

    private final Map<CounterFamily, List<Increment>> byFamily;

    private Increments(Map<CounterFamily, List<Increment>> byFamily) {
        this.byFamily = byFamily;
    }

    static Increments of(List<Exchange> exchanges, CenterCalendar calendar) {
        return of(exchanges, calendar, (grain, bucket) -> true);
    }

    /** Only the rows {@code kept} says are still kept: a late exchange adds no row its grain has already forgotten. */
    static Increments of(List<Exchange> exchanges, CenterCalendar calendar, BiPredicate<Grain, Instant> kept) {
        // Bucketing in the center's zone costs more than the rest of folding; a batch's exchanges fall in a few
        // minutes, so each minute is bucketed once and its exchanges share its buckets.
        Grain[] grains = Grain.values();
        Map<Instant, Instant[]> byMinute = new HashMap<>();
        Instant[][] buckets = new Instant[exchanges.size()][];
        for (int e = 0; e < exchanges.size(); e++) {
            buckets[e] = byMinute.computeIfAbsent(calendar.bucketOf(Grain.MINUTE, exchanges.get(e).occurredAt()), minute -> {
                Instant[] ofMinute = new Instant[grains.length];
                for (Grain grain : grains) {
                    ofMinute[grain.ordinal()] = calendar.bucketOf(grain, minute);
                }
                return ofMinute;
            });
        }
        Map<CounterFamily, List<Increment>> byFamily = new EnumMap<>(CounterFamily.class);
        for (CounterFamily family : CounterFamily.values()) {
            Map<Increment, Long> counts = new HashMap<>();
            for (int e = 0; e < exchanges.size(); e++) {
                List<String> dimensions = family.dimensionsOf(exchanges.get(e));
                for (Grain grain : family.grains()) {
                    Instant bucket = buckets[e][grain.ordinal()];
                    if (kept.test(grain, bucket)) {
                        counts.merge(new Increment(grain, bucket, dimensions, 0), 1L, Long::sum);
                    }
                }
            }
            byFamily.put(family, counts.entrySet().stream()
                    .map(e -> new Increment(e.getKey().grain(), e.getKey().bucket(), e.getKey().dimensions(), e.getValue()))
                    .sorted(ROW_ORDER)
                    .toList());
        }
        return new Increments(byFamily);
    }

    List<Increment> of(CounterFamily family) {
        return byFamily.get(family);
    }

    /** The increments a delta carries: those of the rows the families keep live ({@link CounterFamily#live()}). */
    List<CountsDelta.Row> deltaRows(Horizon horizon) {
        List<CountsDelta.Row> rows = new ArrayList<>();
        byFamily.forEach((family, increments) -> {
            for (Increment increment : increments) {
                CounterKey key = new CounterKey(family, increment.grain(), increment.bucket().getEpochSecond(),
                        increment.dimensions());
                if (horizon.covers(key)) {
                    rows.add(new CountsDelta.Row(key, increment.count()));
                }
            }
        });
        return rows;
    }
}
