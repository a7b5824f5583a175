package io.exchangepulse.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every test counts in an hour of its own, a week apart from the others (from 2016 on, which neither the
 * seed nor the demo touches), so tests that share the database never see each other's counts, even over
 * ranges of a few days.
 */
public final class Windows {

    private static final Instant BASE = Instant.parse("2016-01-01T00:00:00Z");
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Windows() {
    }

    /** The start of an hour no other test comes near. */
    public static Instant fresh() {
        return BASE.plus(Duration.ofDays(7L * NEXT.getAndIncrement()));
    }
}
