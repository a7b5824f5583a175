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
}
