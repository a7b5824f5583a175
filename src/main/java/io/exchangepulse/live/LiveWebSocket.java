package io.exchangepulse.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.audit.AuditAction;
import io.exchangepulse.audit.AuditFilter;
import io.exchangepulse.audit.AuditTrail;
import io.exchangepulse.identity.Caller;
import io.exchangepulse.identity.CurrentCaller;
import io.exchangepulse.identity.Role;
import io.exchangepulse.live.views.Views;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * The live endpoint (src/docs/api.md, "The live protocol"): a viewer per connection, following all its caller may
 * see until it subscribes; the client's messages decoded here, the pushing done by the ticks. The caller is
 * known from the upgrade (a bearer token, or the browser's session cookie); when its token expires, Quarkus
 * closes the connection (1008, "Authentication expired") and the page renews its session and comes back.
 */
@WebSocket(path = "/live")
@RolesAllowed({Role.WALL_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME, Role.TASK_FORCE_LEADER_NAME})
public class LiveWebSocket {

    /** RFC 6455: a policy violation, here a client that floods the server with messages, or one that may see nothing. */
    static final int POLICY_VIOLATION = 1008;
    private static final UserData.TypedKey<Sight> SIGHT = new UserData.TypedKey<>("exchangepulse.sight");
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

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditTrail audit;

    @OnOpen
    @NonBlocking
    public Uni<Void> open(WebSocketConnection connection) {
        Caller caller = CurrentCaller.of(identity);
        Sight sight = Sight.of(caller, views);
        if (sight.blind()) {
            return connection.close(new CloseReason(POLICY_VIOLATION, "your token names no task force"));
        }
        // LiveAdmission refused most before the upgrade; several upgrades at once may still pass it together.
        if (viewers.connectionsOf(caller.name()) >= config.maxConnectionsPerCaller()) {
            return connection.close(new CloseReason(POLICY_VIOLATION, "too many live connections of " + caller.name()));
        }
        connection.userData().put(SIGHT, sight);
        // An upgrade refused is recorded when it is answered (the audit filter); one accepted is never answered so.
        audit.record(identity, AuditFilter.via(identity, connection.handshakeRequest().header("Authorization") != null),
                AuditAction.LIVE_CONNECT, "GET /live", AuditTrail.host(connection.handshakeRequest().remoteAddress()), 101,
                "follows " + sight.first());
        viewers.add(new Viewer(socketOf(connection), sight.first(), this::encode, ticker::tickSoon,
                new TokenBucket(MESSAGE_BURST, config.messageInterval(), clock.instant())), caller.name());
        ticker.tickSoon();
        return Uni.createFrom().voidItem();
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
            ClientMessage decoded = ClientMessage.decode(message, views, connection.userData().get(SIGHT));
            if (decoded instanceof ClientMessage.Subscribe subscribe) {
                viewer.subscribe(subscribe.subscription());
                audit.record(identity, AuditFilter.via(identity, connection.handshakeRequest().header("Authorization") != null),
                        AuditAction.LIVE_SUBSCRIBE, "subscribe " + subscribe.subscription(),
                        AuditTrail.host(connection.handshakeRequest().remoteAddress()), 200, null);
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
