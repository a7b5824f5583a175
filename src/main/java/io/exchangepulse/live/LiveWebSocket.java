package io.exchangepulse.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;

/** The live endpoint: the protocol is in the README; the work is in {@link LiveBroadcaster}. */
@WebSocket(path = "/live")
public class LiveWebSocket {

    @Inject
    LiveBroadcaster broadcaster;

    @OnOpen
    @NonBlocking
    public void open(WebSocketConnection connection) {
        broadcaster.open(connection);
    }

    @OnTextMessage
    @NonBlocking
    public void message(WebSocketConnection connection, String text) {
        broadcaster.receive(connection, text);
    }

    @OnClose
    @NonBlocking
    public void close(WebSocketConnection connection) {
        broadcaster.close(connection);
    }
}
