package io.exchangepulse.live;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.live.views.CounterTable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * This replica's copy of the counter rows the views read: a snapshot from PostgreSQL plus the deltas after
 * it. The positions of the exchange topic that the copy includes tell which deltas are already in it and
 * whether one was missed. A delta is applied whole (under the write lock), so a view never shows half a
 * batch. It holds the rows the families keep live ({@link io.exchangepulse.counters.CounterFamily#live()}), by family
 * and grain, so that each view walks only the rows it reads.
 */
@ApplicationScoped
public class LiveCounters {

    /** What a snapshot holds: the counter rows, and the positions it was read at. */
    record Snapshot(Map<CounterKey, Long> rows, Map<Integer, Long> positions) {
    }

    /** Whether a delta was applied, was already included, or reveals a missed one. */
    enum Applied { APPLIED, ALREADY_INCLUDED, GAP }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<CounterFamily, Map<Grain, Map<CounterKey, Long>>> rows = new EnumMap<>(CounterFamily.class);
    private final CounterTable table = (rows, row) -> rowsOf(rows.family(), rows.grain()).forEach(row::accept);
    private Map<Integer, Long> positions = new HashMap<>();
    private volatile long version;
    private volatile long newestIngestedAt;
    private volatile boolean loaded;

    LiveCounters() {
        for (CounterFamily family : CounterFamily.values()) {
            Map<Grain, Map<CounterKey, Long>> byGrain = new EnumMap<>(Grain.class);
            for (Grain grain : Grain.values()) {
                byGrain.put(grain, new HashMap<>());
            }
            rows.put(family, byGrain);
        }
    }

    void reset(Snapshot snapshot, Horizon horizon) {
        lock.writeLock().lock();
        try {
            rows.values().forEach(byGrain -> byGrain.values().forEach(Map::clear));
            snapshot.rows().forEach((key, count) -> {
                if (horizon.covers(key)) {
                    rowsOf(key.family(), key.grain()).put(key, count);
                }
            });
            positions = new HashMap<>(snapshot.positions());
            loaded = true;
            version++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    Applied apply(CountsDelta delta, Horizon horizon) {
        lock.writeLock().lock();
        try {
            boolean included = true;
            for (CountsDelta.Span span : delta.spans()) {
                long known = positions.getOrDefault(span.partition(), 0L);
                if (span.to() > known) {
                    included = false;
                    if (span.from() != known) {
                        return Applied.GAP;
                    }
                }
            }
            if (included) {
                return Applied.ALREADY_INCLUDED;
            }
            for (CountsDelta.Row row : delta.rows()) {
                CounterKey key = row.key();
                if (horizon.covers(key)) {
                    rowsOf(key.family(), key.grain()).merge(key, row.count(), Long::sum);
                }
            }
            delta.spans().forEach(span -> positions.put(span.partition(), span.to()));
            newestIngestedAt = Math.max(newestIngestedAt, delta.newestIngestedAt());
            version++;
            return Applied.APPLIED;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reads a consistent state: no delta is applied while {@code reader} runs, which must not keep the table. */
    <T> T read(Function<CounterTable, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(table);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Drops the rows no view reads any more (a minute that left the trend, yesterday's flows). */
    void evict(Horizon horizon) {
        lock.writeLock().lock();
        try {
            rows.values().forEach(byGrain -> byGrain.values().forEach(
                    grainRows -> grainRows.keySet().removeIf(key -> !horizon.covers(key))));
        } finally {
            lock.writeLock().unlock();
        }
    }

    Map<Integer, Long> positions() {
        lock.readLock().lock();
        try {
            return Map.copyOf(positions);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Grows whenever the counts change; a view computed at one version stays right until the next. */
    long version() {
        return version;
    }

    /** When the newest event in the applied deltas was appended to Kafka (epoch millis), for latency. */
    long newestIngestedAt() {
        return newestIngestedAt;
    }

    boolean loaded() {
        return loaded;
    }

    private Map<CounterKey, Long> rowsOf(CounterFamily family, Grain grain) {
        return rows.get(family).get(grain);
    }
}
