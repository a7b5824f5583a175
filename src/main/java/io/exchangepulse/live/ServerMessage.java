package io.exchangepulse.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.exchangepulse.live.views.Subscription;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.Map;

/**
 * The messages of the live protocol from the server (src/docs/api.md, "The live protocol"). Every one has its type,
 * its place in the connection's sequence ({@code seq}, 1 for the first) and the server's time; all but
 * errors say, in {@code countingDelay} (seconds), how far behind counting is when it falls behind, so that
 * a wall never shows frozen counts as live. Deltas, the one message sent to many viewers many times a second,
 * are written by {@link DeltaFrame} instead, with the same fields.
 */
@RegisterForReflection
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ServerMessage.Snapshot.class),
        @JsonSubTypes.Type(ServerMessage.Heartbeat.class),
        @JsonSubTypes.Type(ServerMessage.Error.class)})
sealed interface ServerMessage {

    long seq();

    /** The full state of every followed view, and what the viewer follows. */
    @RegisterForReflection
    @JsonTypeName("snapshot")
    record Snapshot(long seq, Instant serverTime, @JsonInclude(JsonInclude.Include.NON_NULL) Long countingDelay,
                    Subscription subscription, Map<String, Object> views) implements ServerMessage {
    }

    /** Sent after a quiet spell, so that proxies keep the socket and the page knows the server is there. */
    @RegisterForReflection
    @JsonTypeName("heartbeat")
    record Heartbeat(long seq, Instant serverTime, @JsonInclude(JsonInclude.Include.NON_NULL) Long countingDelay)
            implements ServerMessage {
    }

    /** The answer to a client message the server cannot take; the connection stays. */
    @RegisterForReflection
    @JsonTypeName("error")
    record Error(long seq, Instant serverTime, String message) implements ServerMessage {
    }
}
