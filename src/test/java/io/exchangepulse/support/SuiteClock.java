package io.exchangepulse.support;

import io.exchangepulse.domain.CenterCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The center's time the suite runs at, whatever the real date: it starts at half past noon in Bucharest on an
 * ordinary Wednesday (half past, so that an exchange a few minutes before "now" is still of the current hour,
 * which no {@link Windows} hour is) and runs at the system's pace, so no test meets midnight, summer time or New Year unless it sets the
 * clock there itself. Every service the suite starts is given the same offset
 * ({@code EXCHANGEPULSE_CENTER_CLOCK_OFFSET}); the tests make their exchanges at {@link #now()}.
 */
public final class SuiteClock {

    public static final Instant START = Instant.parse("2026-06-10T09:30:00Z");
    public static final CenterCalendar CALENDAR = CenterCalendar.of("Europe/Bucharest");
    /**
     * Test classes may be loaded by more than one class loader (Quarkus loads its own), each with its own statics:
     * the offset lives in the JVM's system properties, which they all share, as text (Narayana copies them all as
     * strings when Quarkus starts).
     */
    private static final Duration OFFSET = Duration.parse((String) System.getProperties()
            .computeIfAbsent("exchangepulse.test.clock-offset", name -> Duration.between(Instant.now(), START).toString()));

    private SuiteClock() {
    }

    public static Instant now() {
        return Instant.now().plus(OFFSET);
    }

    /** The center's date now. */
    public static LocalDate today() {
        return CALENDAR.dayOf(now());
    }

    /** How far the suite's center time is from the system's: the services' {@code clock-offset}. */
    public static Duration offset() {
        return OFFSET;
    }
}
