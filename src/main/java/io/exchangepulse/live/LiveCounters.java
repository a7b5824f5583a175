package io.exchangepulse.live;

import io.exchangepulse.aggregate.DeltaWindow;
import io.exchangepulse.aggregate.CountsDelta;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * This replica's copy of the counters the views show: a snapshot from PostgreSQL plus the deltas after
 * it. The positions of the exchange topic that the copy includes tell which deltas are already in it and
 * whether one was missed. A delta is applied whole (under the write lock), so a view never shows half a
 * batch.
 */
@ApplicationScoped
public class LiveCounters {

    /** What a snapshot holds: the counter rows, and the positions it was read at. */
    record Snapshot(Map<CounterKey, Long> rows, Map<Integer, Long> positions) {
    }

    /** Whether a delta was applied, was already included, or reveals a missed one. */
    enum Applied { APPLIED, ALREADY_INCLUDED, GAP }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Map<CounterKey, Long> rows = new HashMap<>();
    private Map<Integer, Long> positions = new HashMap<>();
    private volatile long version;
    private volatile long newestIngestedAt;
    private volatile boolean loaded;

    void reset(Snapshot snapshot) {
        lock.writeLock().lock();
        try {
            rows = new HashMap<>(snapshot.rows());
            positions = new HashMap<>(snapshot.positions());
            loaded = true;
            version++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    Applied apply(CountsDelta delta, Instant now) {
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
            DeltaWindow window = DeltaWindow.at(now);
            for (CountsDelta.Row row : delta.rows()) {
                if (window.keeps(row.family(), row.grain(), row.bucket())) {
                    rows.merge(new CounterKey(row.family(), row.grain(), row.bucket(), row.dimensions()), row.count(), Long::sum);
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

    /** Reads a consistent state: no delta is applied while {@code reader} runs. */
    void read(Consumer<Map<CounterKey, Long>> reader) {
        lock.readLock().lock();
        try {
            reader.accept(rows);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Drops the rows that have left the window (a minute ago, yesterday's flows). */
    void evict(Instant now) {
        lock.writeLock().lock();
        try {
            DeltaWindow window = DeltaWindow.at(now);
            rows.keySet().removeIf(key -> !window.keeps(key.family(), key.grain(), key.bucket()));
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
}
