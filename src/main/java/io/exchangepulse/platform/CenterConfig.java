package io.exchangepulse.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The center's time zone, and how far its clock is set from the system's (src/docs/operations.md, "The center's clock"). */
@ConfigMapping(prefix = "exchangepulse.center")
public interface CenterConfig {

    /** An IANA zone: the center's days, months and years, "today" on the wall, the report's months. */
    @WithDefault("Europe/Bucharest")
    String zone();

    /**
     * How far the service's clock runs ahead of the system's (negative: behind): zero in service; a rehearsal of
     * New Year's Eve on a staging wall sets it, and the tests set it to count on a day of their choosing.
     */
    @WithDefault("PT0S")
    Duration clockOffset();
}
