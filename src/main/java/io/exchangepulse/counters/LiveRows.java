package io.exchangepulse.counters;

/**
 * Which counter rows the live views read: the deltas carry those and no others, and the live copy of each
 * replica keeps those. The live layer answers it (from its views); the aggregator only asks.
 */
public interface LiveRows {

    boolean keeps(CounterKey key, Horizon horizon);
}
