package io.exchangepulse.query;

import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;

import java.time.Instant;
import java.util.Arrays;

/**
 * The steps of a trend: consecutive buckets of one grain in the center's calendar. The one place where a
 * time becomes an index of a trend's counts and back, for the trend query and the live trends alike. Steps
 * are the calendar's, so a day step across summer time's change is 23 or 25 hours: the grid keeps each
 * step's start rather than multiplying a length.
 */
public final class TrendGrid {

    private final Grain grain;
    /** The start of each step in epoch seconds, and last the end of the grid. */
    private final long[] edges;

    private TrendGrid(Grain grain, long[] edges) {
        this.grain = grain;
        this.edges = edges;
    }

    /** The {@code steps} steps of {@code grain} that end with the one holding {@code now}. */
    public static TrendGrid endingAt(CenterCalendar calendar, Grain grain, Instant now, int steps) {
        long[] edges = new long[steps + 1];
        Instant edge = calendar.next(grain, calendar.bucketOf(grain, now));
        for (int i = steps; i >= 0; i--) {
            edges[i] = edge.getEpochSecond();
            edge = calendar.previous(grain, edge);
        }
        return new TrendGrid(grain, edges);
    }

    /** From {@code from} to {@code to} (exclusive), both the starts of buckets of {@code grain}. */
    public static TrendGrid between(CenterCalendar calendar, Grain grain, Instant from, Instant to) {
        long[] edges = new long[16];
        int count = 0;
        for (Instant edge = from; !edge.isAfter(to); edge = calendar.next(grain, edge)) {
            if (count == edges.length) {
                edges = Arrays.copyOf(edges, count * 2);
            }
            edges[count++] = edge.getEpochSecond();
        }
        return new TrendGrid(grain, Arrays.copyOf(edges, count));
    }

    public Grain grain() {
        return grain;
    }

    public int length() {
        return edges.length - 1;
    }

    public Instant from() {
        return at(0);
    }

    public Instant to() {
        return at(length());
    }

    /** The start of step {@code index}. */
    public Instant at(int index) {
        return Instant.ofEpochSecond(edges[index]);
    }

    /** The step that holds {@code t}, or -1 when the grid does not reach it. */
    public int indexOf(Instant t) {
        return indexOf(t.getEpochSecond());
    }

    public int indexOf(long epochSecond) {
        if (epochSecond < edges[0] || epochSecond >= edges[edges.length - 1]) {
            return -1;
        }
        int found = Arrays.binarySearch(edges, epochSecond);
        return found >= 0 ? found : -found - 2;
    }
}
