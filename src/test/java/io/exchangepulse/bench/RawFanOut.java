package io.exchangepulse.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limit of the push: a plain Vert.x WebSocket server that, every tick, writes each connected viewer a
 * message the size of the service's deltas, with the viewer's own sequence number and the time it was
 * made (as newestIngestedAt, so the same viewers time it). No views, no states, no security: only the
 * bytes. Its CPU is the time of its own event-loop threads.
 */
final class RawFanOut implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    /** Each viewer with its last sequence number. */
    private final Map<ServerWebSocket, long[]> sockets = new ConcurrentHashMap<>();
    private final Set<Long> threads = ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    private final long timer;
    private volatile String padding = "";

    RawFanOut(long tickMillis) {
        try {
            server = vertx.createHttpServer().webSocketHandler(socket -> {
                threads.add(Thread.currentThread().getId());
                sockets.put(socket, new long[1]);
                socket.closeHandler(closed -> sockets.remove(socket));
            }).listen(0).toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException failed) {
            vertx.close();
            throw failed;
        }
        timer = vertx.setPeriodic(tickMillis, tick -> send());
    }

    int port() {
        return server.actualPort();
    }

    /** The size of each message from now on, in bytes (at least the envelope's). */
    void messageBytes(int bytes) {
        padding = "x".repeat(Math.max(0, bytes - 140));
    }

    private void send() {
        threads.add(Thread.currentThread().getId());
        Instant now = Instant.now();
        String rest = ",\"serverTime\":\"" + now + "\",\"newestIngestedAt\":\"" + now + "\",\"changes\":{\"pad\":\"" + padding + "\"}}";
        sockets.forEach((socket, seq) -> {
            // As the service does: a viewer that cannot take a message now skips this one.
            if (!socket.writeQueueFull()) {
                socket.writeTextMessage("{\"type\":\"delta\",\"seq\":" + ++seq[0] + rest);
            }
        });
    }

    /** CPU time of the server's threads so far, in seconds. */
    double cpuSeconds() {
        return threads.stream().mapToLong(THREADS::getThreadCpuTime).filter(t -> t > 0).sum() / 1e9;
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
