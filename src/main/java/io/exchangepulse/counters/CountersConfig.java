package io.exchangepulse.counters;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long each grain's counter rows are kept: an ISO-8601 duration, or {@code forever}. */
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
}
