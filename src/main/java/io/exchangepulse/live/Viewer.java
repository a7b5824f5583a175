package io.exchangepulse.live;

import io.exchangepulse.live.views.Subscription;
import io.exchangepulse.live.views.ViewStates;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * One viewer's connection: what it follows, the last states it was sent (its deltas are computed against
 * them), its message sequence, and the one message it may have in flight. A viewer that cannot keep up
 * gets no queue: it skips states and is sent the newest when it can take one. Snapshots and errors wait for
 * the message in flight like deltas do.
 *
 * <p>The tick and the connection's own event loop both call in, so every method holds the viewer's lock.
 */
final class Viewer {

    private static final Logger LOG = Logger.getLogger(Viewer.class);

    /** Where a viewer's messages go: the WebSocket connection, or a test's stand-in. */
    interface Socket {
        String id();

        Uni<Void> send(String text);

        Uni<Void> close(int code, String reason);
    }

    private final Socket socket;
    private final Function<ServerMessage, String> encoder;
    /** Called when a written message leaves something for the next tick to send (a snapshot). */
    private final Runnable wantsTick;
    private final TokenBucket messages;

    private Subscription subscription;
    private ViewStates lastSent;
    private boolean snapshotWanted = true;
    private ServerMessage.Error pendingError;
    private long seq;
    private long lastMessageAt;
    /** When the message being written was handed to the socket (epoch millis), or 0. */
    private long inFlightSince;
    private long newestIngestedAtSent;
    /** The counting delay the viewer was last told (seconds), or null: it was told counting keeps up. */
    private Long countingDelaySent;

    Viewer(Socket socket, Subscription subscription, Function<ServerMessage, String> encoder, Runnable wantsTick,
           TokenBucket messages) {
        this.socket = socket;
        this.subscription = subscription;
        this.encoder = encoder;
        this.wantsTick = wantsTick;
        this.messages = messages;
    }

    String id() {
        return socket.id();
    }

    /** Whether a message from the client is within its rate; one that is not means it floods. */
    boolean mayReceive(Instant now) {
        return messages.allow(now);
    }

    synchronized Subscription subscription() {
        return subscription;
    }

    synchronized ViewStates lastSent() {
        return lastSent;
    }

    /** A snapshot of the new subscription comes next (at the next tick it can take a message). */
    synchronized void subscribe(Subscription next) {
        subscription = next;
        snapshotWanted = true;
    }

    synchronized void resync() {
        snapshotWanted = true;
    }

    /** The latest error waits for the message in flight; an error not yet sent is replaced, not queued. */
    synchronized void reject(String message, Instant now) {
        pendingError = new ServerMessage.Error(0, now, message);
        if (inFlightSince == 0) {
            flushError();
        }
    }

    synchronized boolean isWriting() {
        return inFlightSince != 0;
    }

    synchronized boolean stuckLongerThan(Duration limit, Instant now) {
        return inFlightSince != 0 && now.toEpochMilli() - inFlightSince > limit.toMillis();
    }

    /** Whether the next message must be a snapshot: asked for, or a new UTC day (whose states start afresh). */
    synchronized boolean needsSnapshot(ViewStates current) {
        return snapshotWanted || lastSent == null || !current.date().equals(lastSent.date());
    }

    synchronized boolean idleFor(Duration heartbeat, Instant now) {
        return now.toEpochMilli() - lastMessageAt >= heartbeat.toMillis();
    }

    synchronized void sendSnapshot(ViewStates states, Instant now, long newestIngestedAt, Long countingDelay) {
        snapshotWanted = false;
        lastSent = states;
        newestIngestedAtSent = newestIngestedAt;
        countingDelaySent = countingDelay;
        write(new ServerMessage.Snapshot(++seq, now, countingDelay, subscription, states.snapshot()), now);
    }

    /**
     * Sends the changes that lead to {@code states} and returns the newest event time this viewer had
     * before (epoch millis, 0 if none), so the caller can tell how late the new events are.
     */
    synchronized long sendDelta(ViewStates states, DeltaFrame frame, Instant now) {
        lastSent = states;
        long before = newestIngestedAtSent;
        newestIngestedAtSent = frame.newestIngestedAt();
        countingDelaySent = frame.countingDelay();
        write(frame.withSeq(++seq), now);
        return before;
    }

    /** Nothing changed that this viewer shows: it holds these states already. */
    synchronized void unchanged(ViewStates states) {
        lastSent = states;
    }

    synchronized void sendHeartbeat(Instant now, Long countingDelay) {
        countingDelaySent = countingDelay;
        write(new ServerMessage.Heartbeat(++seq, now, countingDelay), now);
    }

    /** Whether the viewer was told something else of counting's delay than {@code countingDelay}, to the minute. */
    synchronized boolean toldOtherDelay(Long countingDelay) {
        if (countingDelay == null || countingDelaySent == null) {
            return countingDelay != countingDelaySent;
        }
        return countingDelay / 60 != countingDelaySent / 60;
    }

    Uni<Void> close(int code, String reason) {
        return socket.close(code, reason);
    }

    private void flushError() {
        ServerMessage.Error error = pendingError;
        pendingError = null;
        write(new ServerMessage.Error(++seq, error.serverTime(), error.message()), error.serverTime());
    }

    private void write(ServerMessage message, Instant now) {
        write(encoder.apply(message), now);
    }

    private void write(String text, Instant now) {
        lastMessageAt = now.toEpochMilli();
        inFlightSince = Math.max(1, lastMessageAt);
        socket.send(text).subscribe().with(ok -> written(), failure -> {
            LOG.debugf("Writing to viewer %s failed: %s", socket.id(), failure.toString());
            written();
        });
    }

    private void written() {
        boolean tick;
        synchronized (this) {
            inFlightSince = 0;
            if (pendingError != null) {
                flushError();
                return;
            }
            tick = snapshotWanted;
        }
        if (tick) {
            wantsTick.run();
        }
    }
}
