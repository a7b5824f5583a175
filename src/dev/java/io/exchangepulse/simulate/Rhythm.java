package io.exchangepulse.simulate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The center's working rhythm (our choice; the seed gives only yearly totals): busy office hours on
 * working days in Bucharest's time, quiet nights, quieter weekends. Scaled so that a whole week averages
 * 1, so the yearly totals stay the seed's.
 */
public final class Rhythm {

    static final ZoneId CENTER = ZoneId.of("Europe/Bucharest");

    /** Relative activity per local hour of a working day. */
    private static final double[] WORKING_DAY = {
            0.08, 0.06, 0.05, 0.05, 0.06, 0.10, 0.25, 0.55, 0.95, 1.20, 1.25, 1.20,
            1.00, 1.10, 1.20, 1.15, 1.00, 0.75, 0.45, 0.30, 0.22, 0.16, 0.12, 0.10};
    private static final double WEEKEND = 0.25;
    private static final double SCALE;

    static {
        double day = 0;
        for (double hour : WORKING_DAY) {
            day += hour;
        }
        SCALE = 7 * 24 / (day * 5 + day * WEEKEND * 2);
    }

    private Rhythm() {
    }

    /** How busy the center is at this moment, against its average. */
    public static double at(Instant instant) {
        ZonedDateTime local = instant.atZone(CENTER);
        DayOfWeek day = local.getDayOfWeek();
        double weekday = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? WEEKEND : 1;
        return WORKING_DAY[local.getHour()] * weekday * SCALE;
    }
}
