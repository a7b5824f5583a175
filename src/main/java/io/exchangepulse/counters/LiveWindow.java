package io.exchangepulse.counters;

/**
 * How far back a family's rows of one grain are live: loaded into every replica's copy, carried by the
 * deltas, and readable by the views. Declared per family and grain in {@link CounterFamily}; a moment's
 * {@link Horizon} turns each into a first bucket.
 */
public enum LiveWindow {
    /** Every bucket: the years. */
    ALL,
    /** From the first day of last year: a day is compared with the same day a year before. */
    SINCE_LAST_YEAR,
    /** Today's buckets only. */
    TODAY,
    /** The last {@value Horizon#MAX_MINUTES} minutes and one more: the longest minute trend. */
    LAST_MINUTES;

    /** Whether rows live in this window are all live in {@code other} too. */
    boolean within(LiveWindow other) {
        return other == this || other == ALL || (this == TODAY && other == SINCE_LAST_YEAR);
    }
}
