package io.exchangepulse.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.live.views.Views;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * The live endpoint (README, "The live protocol"): a viewer per connection, following the whole center
 * until it subscribes; the client's messages decoded here, the pushing done by the ticks.
 */
@WebSocket(path = "/live")
public class LiveWebSocket {

    /** RFC 6455: a policy violation, here a client that floods the server with messages. */
    static final int POLICY_VIOLATION = 1008;
    /** A page sends a subscription, a resync now and then: a handful at once is plenty. */
    static final int MESSAGE_BURST = 5;

    @Inject
    LiveConfig config;

    @Inject
    Viewers viewers;

    @Inject
    Views views;

    @Inject
    LiveTicker ticker;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @OnOpen
    @NonBlocking
    public void open(WebSocketConnection connection) {
        viewers.add(new Viewer(socketOf(connection), views.wall(), this::encode, ticker::tickSoon,
                new MessageRate(MESSAGE_BURST, config.messageInterval(), clock.instant())));
        ticker.tickSoon();
    }

    @OnTextMessage
    @NonBlocking
    public void message(WebSocketConnection connection, String text) {
        Viewer viewer = viewers.get(connection.id());
        if (viewer == null) {
            return;
        }
        if (!viewer.mayReceive(clock.instant())) {
            viewers.disconnect(viewer, POLICY_VIOLATION, "too many messages");
            return;
        }
        try {
            JsonNode message = mapper.readTree(text);
            ClientMessage decoded = ClientMessage.decode(message, views);
            if (decoded instanceof ClientMessage.Subscribe subscribe) {
                viewer.subscribe(subscribe.subscription());
            } else {
                viewer.resync();
            }
            ticker.tickSoon();
        } catch (JsonProcessingException e) {
            viewer.reject("not JSON: " + e.getOriginalMessage(), clock.instant());
        } catch (ClientMessage.Invalid e) {
            viewer.reject(e.getMessage(), clock.instant());
        }
    }

    @OnClose
    @NonBlocking
    public void close(WebSocketConnection connection) {
        viewers.remove(connection.id());
    }

    private String encode(ServerMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Viewer.Socket socketOf(WebSocketConnection connection) {
        return new Viewer.Socket() {
            @Override
            public String id() {
                return connection.id();
            }

            @Override
            public Uni<Void> send(String text) {
                return connection.sendText(text);
            }

            @Override
            public Uni<Void> close(int code, String reason) {
                return connection.close(new CloseReason(code, reason));
            }
        };
    }
}
