package io.exchangepulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.concurrent.CompletionException;

/**
 * A real WebSocket client of /live (the JDK's), signed in with a bearer token ({@link Callers#DEFAULT}'s unless
 * told). A reading client takes every message; a stalled one reads nothing after the first message, so the
 * server's writes to it back up as they would for a frozen browser tab.
 */
public final class LiveClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final WebSocket socket;
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason;

    private LiveClient(int port, boolean reading, String origin, String authorization) {
        this.socket = builder(origin, authorization)
                .buildAsync(live(port), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            try {
                                messages.add(MAPPER.readTree(text.toString()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            text.setLength(0);
                        }
                        if (reading) {
                            webSocket.request(1);
                        }
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closeReason = reason;
                        closed.complete(statusCode);
                        return null;
                    }
                })
                .join();
    }

    private static WebSocket.Builder builder(String origin, String authorization) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static URI live(int port) {
        return URI.create("ws://localhost:" + port + "/live");
    }

    public static LiveClient connect(int port) {
        return connectAs(port, Callers.DEFAULT);
    }

    /** Signed in as one of the suite provider's users. */
    public static LiveClient connectAs(int port, String user) {
        return connectWith(port, Callers.bearer(user));
    }

    /** With this {@code Authorization} header (a token of the test's own making). */
    public static LiveClient connectWith(int port, String authorization) {
        return new LiveClient(port, true, null, authorization);
    }

    /** As a browser does, naming the origin of the page it was opened from; the upgrade fails if refused. */
    public static LiveClient connectFrom(int port, String origin) {
        return new LiveClient(port, true, origin, Callers.bearer(Callers.DEFAULT));
    }

    public static LiveClient stalled(int port) {
        return new LiveClient(port, false, null, Callers.bearer(Callers.DEFAULT));
    }

    /** The HTTP status of an upgrade the server refuses (401, 403), or 101 if it accepts it. */
    public static int upgradeStatus(int port, String authorization) {
        try {
            builder(null, authorization).buildAsync(live(port), new WebSocket.Listener() {
            }).join().abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The next message, whatever its type. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + timeout + "; seen: " + seen);
        }
        seen.add(message);
        return message;
    }

    /** Reads until a message matches, returning it; every message read is kept in {@link #seen()}. */
    public JsonNode until(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no wanted message within " + timeout + "; seen: " + seen);
            }
            JsonNode message = next(Duration.ofNanos(left));
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /**
     * The latest value of a field of the {@code totals} view among the messages read so far: deltas carry
     * absolute values, so the latest one is the value; null if none carried it.
     */
    public Long latestTotal(String field) {
        for (int i = seen.size() - 1; i >= 0; i--) {
            JsonNode message = seen.get(i);
            JsonNode totals = message.path("type").asText().equals("snapshot")
                    ? message.path("views").path("totals") : message.path("changes").path("totals");
            if (totals.has(field)) {
                return totals.get(field).asLong();
            }
        }
        return null;
    }

    /** Reads until the {@code totals} field reaches at least {@code expected}, and returns its value then. */
    public long awaitTotal(String field, long expected, Duration timeout) throws InterruptedException {
        Long current = latestTotal(field);
        if (current == null || current < expected) {
            until(message -> {
                Long value = latestTotal(field);
                return value != null && value >= expected;
            }, timeout);
        }
        return latestTotal(field);
    }

    /** The status code of the server's close frame, once it comes. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    /** The reason in the server's close frame, once it came. */
    public String closeReason() {
        return closeReason;
    }

    public List<JsonNode> seen() {
        return seen;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
