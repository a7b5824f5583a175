package io.exchangepulse.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "exchangepulse.ingest")
public interface IngestConfig {

    /** The most items one request may hold; more is answered 413 (the body size has its own limit). */
    @WithDefault("10000")
    int maxItems();

    /** How long a request waits for Kafka's acknowledgements before it answers 503. */
    @WithDefault("PT15S")
    Duration appendTimeout();

    /** What a 503 tells the client to wait before it resends. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** How much each party may send (src/docs/api.md, "Quotas"); an administrator, the center itself, has no quota. */
    Quota quota();

    interface Quota {

        /** Exchanges a party may send in a minute: a hundred a second, far above any desk's pace. */
        @WithDefault("6000")
        long exchangesPerMinute();

        /** Operations a party may open in a day (UTC). */
        @WithDefault("20")
        long operationsOpenedPerDay();

        /** Operation events a party may report in a day (UTC), openings included. */
        @WithDefault("1000")
        long operationEventsPerDay();
    }

    /** Requests with a body read at once by this replica; more wait for none, they are answered 503. */
    @WithDefault("8")
    int concurrentBodies();

    /** Of those, how many one caller may have (administrators excepted): one slow partner does not hold every other party out. */
    @WithDefault("2")
    int concurrentBodiesPerCaller();

    /** The longest a body may take to arrive whole: one trickled in slower is answered 408. */
    @WithDefault("PT30S")
    Duration bodyDeadline();
}
