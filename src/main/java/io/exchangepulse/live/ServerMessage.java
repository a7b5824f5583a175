package io.exchangepulse.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.exchangepulse.live.views.Subscription;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.Map;

/**
 * The messages of the live protocol from the server (README, "The live protocol"). Every one has its type,
 * its place in the connection's sequence ({@code seq}, 1 for the first) and the server's time; all but
 * errors say, in {@code countingDelay} (seconds), how far behind counting is when it falls behind, so that
 * a wall never shows frozen counts as live.
 */
@RegisterForReflection
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ServerMessage.Snapshot.class),
        @JsonSubTypes.Type(ServerMessage.Delta.class),
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

    /**
     * What changed since the viewer's previous message. The changes are the same for every viewer that was
     * sent the same states, so they are encoded once and written into each viewer's message as they are.
     */
    @RegisterForReflection
    @JsonTypeName("delta")
    record Delta(long seq, Instant serverTime, @JsonInclude(JsonInclude.Include.NON_NULL) Long countingDelay,
                 Instant newestIngestedAt, @JsonRawValue String changes) implements ServerMessage {
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
