package io.exchangepulse.aggregate;

import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.Grain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of exchanges folded into counter increments: one per family, grain, bucket and dimension
 * values, however many exchanges fall on it. This is what turns thousands of events into a few hundred
 * row updates.
 */
public final class Increments {

    /** One counter row's increment. */
    public record Increment(Grain grain, Instant bucket, List<String> dimensions, long count) {
    }

    /** Rows are written in one global order, so concurrent batches lock them in the same order: no deadlocks. */
    private static final Comparator<Increment> ROW_ORDER = Comparator
            .comparing(Increment::grain)
            .thenComparing(Increment::bucket)
            .thenComparing(i -> String.join("\u0000", i.dimensions()));

    private final Map<CounterFamily, List<Increment>> byFamily;
    private final int exchanges;

    private Increments(Map<CounterFamily, List<Increment>> byFamily, int exchanges) {
        this.byFamily = byFamily;
        this.exchanges = exchanges;
    }

    public static Increments of(List<Exchange> exchanges) {
        // Bucketing (the year's above all) costs more than the rest of folding: once per exchange and grain.
        Grain[] grains = Grain.values();
        Instant[][] buckets = new Instant[exchanges.size()][grains.length];
        for (int e = 0; e < exchanges.size(); e++) {
            for (Grain grain : grains) {
                buckets[e][grain.ordinal()] = grain.bucketOf(exchanges.get(e).occurredAt());
            }
        }
        Map<CounterFamily, List<Increment>> byFamily = new EnumMap<>(CounterFamily.class);
        for (CounterFamily family : CounterFamily.values()) {
            Map<Increment, Long> counts = new HashMap<>();
            for (int e = 0; e < exchanges.size(); e++) {
                List<String> dimensions = family.dimensionsOf(exchanges.get(e));
                for (Grain grain : grains) {
                    counts.merge(new Increment(grain, buckets[e][grain.ordinal()], dimensions, 0), 1L, Long::sum);
                }
            }
            byFamily.put(family, counts.entrySet().stream()
                    .map(e -> new Increment(e.getKey().grain(), e.getKey().bucket(), e.getKey().dimensions(), e.getValue()))
                    .sorted(ROW_ORDER)
                    .toList());
        }
        return new Increments(byFamily, exchanges.size());
    }

    public List<Increment> of(CounterFamily family) {
        return byFamily.get(family);
    }

    public int exchanges() {
        return exchanges;
    }

    /** The increments a delta carries: those in the {@link DeltaWindow}. */
    List<CountsDelta.Row> deltaRows(Instant now) {
        DeltaWindow window = DeltaWindow.at(now);
        List<CountsDelta.Row> rows = new ArrayList<>();
        byFamily.forEach((family, increments) -> increments.stream()
                .filter(i -> window.keeps(family, i.grain(), i.bucket().getEpochSecond()))
                .forEach(i -> rows.add(new CountsDelta.Row(family, i.grain(), i.bucket().getEpochSecond(), i.dimensions(),
                        i.count()))));
        return rows;
    }
}
