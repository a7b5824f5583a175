package io.exchangepulse.live;

import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One viewer's connection: what it follows, the last state it was sent (deltas are computed against it),
 * its message counter, and whether a message is still being written. At most one message is in flight:
 * a viewer that cannot keep up skips states and gets the newest when it can take it.
 */
final class LiveSession {

    final WebSocketConnection connection;
    Subscription subscription = Subscription.WALL;
    ViewState lastSent;
    long seq;
    long lastMessageAt;
    long newestIngestedAtSent;
    /** Epoch millis since which a message is being written, or 0. */
    long inFlightSince;

    LiveSession(WebSocketConnection connection) {
        this.connection = connection;
    }
}
