package io.exchangepulse.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Many WebSocket viewers on one Vert.x client of their own. Netty-based: real dashboards run on other
 * machines, so the viewers' share of this machine's two cores should stay as small as a client can make it.
 * Only the head of each message is decoded: the type and newestIngestedAt come first.
 */
final class Viewers implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final List<WebSocket> sockets = new ArrayList<>();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final Percentiles eventToScreen = new Percentiles();
    private final AtomicLong deltas = new AtomicLong();
    private final AtomicLong deltaBytes = new AtomicLong();

    /** {@code authorization}: the header's value for each viewer by its number, or null to connect without one. */
    static Viewers connect(int count, int port, String uri, IntFunction<String> authorization) {
        Viewers viewers = new Viewers();
        WebSocketClient client = viewers.vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(count).setMaxFrameSize(1 << 20).setMaxMessageSize(16 << 20));
        try {
            viewers.open(client, count, port, uri, authorization);
        } catch (RuntimeException failed) {
            viewers.close();
            throw failed;
        }
        return viewers;
    }

    private void open(WebSocketClient client, int count, int port, String uri, IntFunction<String> authorization) {
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI(uri);
            if (authorization != null) {
                options.addHeader("Authorization", authorization.apply(i));
            }
            pending.add(client.connect(options).toCompletionStage().toCompletableFuture());
            // A few hundred upgrades at a time: each is a token check on the server.
            if (pending.size() == 200 || i == count - 1) {
                pending.forEach(socket -> add(socket.join()));
                pending.clear();
            }
        }
    }

    private void add(WebSocket socket) {
        socket.handler(data -> {
            if (!measuring.get()) {
                return;
            }
            long now = System.currentTimeMillis();
            String head = data.getString(0, Math.min(data.length(), 200));
            if (head.startsWith("{\"type\":\"delta\"")) {
                deltas.incrementAndGet();
                deltaBytes.addAndGet(data.length());
                int at = head.indexOf("\"newestIngestedAt\":\"");
                if (at > 0) {
                    Instant newest = Instant.parse(head.substring(at + 20, head.indexOf('"', at + 20)));
                    eventToScreen.add((now - newest.toEpochMilli()) * 1000);
                }
            }
        });
        sockets.add(socket);
    }

    void measure(boolean on) {
        measuring.set(on);
    }

    long deltas() {
        return deltas.get();
    }

    /** The mean size of the deltas received while measuring, in bytes. */
    int meanDeltaBytes() {
        return deltas.get() == 0 ? 0 : (int) (deltaBytes.get() / deltas.get());
    }

    Percentiles eventToScreen() {
        return eventToScreen;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
