package io.exchangepulse.counters;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long each grain's counter rows are kept (an ISO-8601 duration, or {@code forever}), and how they are kept so. */
@ConfigMapping(prefix = "exchangepulse.counters")
public interface CountersConfig {

    @WithDefault("P35D")
    String minuteRetention();

    @WithDefault("P400D")
    String hourRetention();

    @WithDefault("forever")
    String dayRetention();

    @WithDefault("forever")
    String yearRetention();

    /** How often partitions are made ahead and dropped past retention (the schedule of {@code CounterTables}). */
    @WithDefault("PT1H")
    Duration maintenanceInterval();
}
