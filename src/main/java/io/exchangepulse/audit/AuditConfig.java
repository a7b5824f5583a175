package io.exchangepulse.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "exchangepulse.audit")
public interface AuditConfig {

    /** How long the trail is kept in PostgreSQL; a month is dropped whole once all of it is older. */
    @WithDefault("P400D")
    Duration retention();

    /** How often what was recorded is written to PostgreSQL (the log line is written at once). */
    @WithDefault("PT1S")
    Duration flushInterval();

    /** Entries waiting for PostgreSQL (while it is away); past this the oldest are dropped, and counted. */
    @WithDefault("100000")
    int maxWaiting();
}
