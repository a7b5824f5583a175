package io.exchangepulse.query;

import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Covers a range with as few counter buckets as it can: whole days in the middle, hours next to them,
 * minutes at the edges. A month of flows then reads about thirty day rows per pair instead of 43,200
 * minute rows.
 */
final class BucketCover {

    /** The buckets of one grain from {@code from} (inclusive) to {@code to} (exclusive). */
    record Segment(Grain grain, Instant from, Instant to) {
    }

    private static final Grain[] COARSE_TO_FINE = {Grain.DAY, Grain.HOUR, Grain.MINUTE};

    private BucketCover() {
    }

    /** {@code from} and {@code to} must be whole minutes; days and hours are the center's. */
    static List<Segment> of(CenterCalendar calendar, Instant from, Instant to) {
        List<Segment> segments = new ArrayList<>();
        cover(calendar, from, to, 0, segments);
        return segments;
    }

    private static void cover(CenterCalendar calendar, Instant from, Instant to, int level, List<Segment> segments) {
        if (!from.isBefore(to)) {
            return;
        }
        Grain grain = COARSE_TO_FINE[level];
        if (grain == Grain.MINUTE) {
            segments.add(new Segment(grain, from, to));
            return;
        }
        Instant bucket = calendar.bucketOf(grain, from);
        Instant firstWhole = bucket.equals(from) ? from : calendar.next(grain, bucket);
        Instant lastWhole = calendar.bucketOf(grain, to);
        if (!firstWhole.isBefore(lastWhole)) {
            cover(calendar, from, to, level + 1, segments);
            return;
        }
        cover(calendar, from, firstWhole, level + 1, segments);
        segments.add(new Segment(grain, firstWhole, lastWhole));
        cover(calendar, lastWhole, to, level + 1, segments);
    }
}
