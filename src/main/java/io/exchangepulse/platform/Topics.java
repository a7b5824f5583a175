package io.exchangepulse.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** The Kafka topics of the service; on a cluster they are made by the operator (k8s/), here if missing. */
@ConfigMapping(prefix = "exchangepulse.topics")
public interface Topics {

    /**
     * A record's time says when an exchange arrived, and its lateness is judged against it: the broker holds
     * that time to within an hour before, and five minutes after, its own clock, whoever produced the record.
     */
    Map<String, String> EXCHANGE_TIMESTAMP_BOUNDS = Map.of(
            "message.timestamp.before.max.ms", String.valueOf(Duration.ofHours(1).toMillis()),
            "message.timestamp.after.max.ms", String.valueOf(Duration.ofMinutes(5).toMillis()));

    /** Accepted exchanges, keyed by id so that a resend lands in the partition of the original. */
    @WithDefault("pulse.events")
    String exchanges();

    /** Records that other producers wrote to the exchange topic and that no reader accepts. */
    @WithDefault("pulse.events.dead-letter")
    String deadLetters();

    /** Operation events, keyed by operation so that an operation's events stay in order. */
    @WithDefault("pulse.operation-events")
    String operationEvents();

    /**
     * Each committed batch's increments, read in full by every replica for its live view. One partition,
     * so that deltas keep their order; short retention, since a replica starts from a snapshot.
     */
    @WithDefault("pulse.deltas")
    String deltas();

    /** How many partitions a topic gets when the service has to create it. */
    @WithDefault("6")
    int partitions();

    @WithDefault("1")
    short replicationFactor();

    /** Whether the service creates missing topics at start-up (off where an operator owns them). */
    @WithDefault("true")
    boolean create();
}
