package io.exchangepulse.support;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import static io.exchangepulse.support.TestExchanges.valid;

/**
 * A liaison desk's system through an outage: posts batches of exchanges one after another, and resends a
 * batch the service did not take (a 503, a refused connection, no answer) whole, with the same ids, until
 * it is taken. Every exchange it reports accepted must then be counted exactly once.
 */
public final class SteadyLoad implements AutoCloseable {

    static final int BATCH = 50;
    /** A service that died mid-request must not hold the load for good: a try gives up after a while. */
    static final RestAssuredConfig PATIENT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000)
            .setParam("http.socket.timeout", 20_000));

    private final IntSupplier port;
    private final Instant window;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String lastRefusal = "none";
    private final Thread thread;

    /** Exchanges in the hour from {@code window}, to the service at {@code port} (asked again before each try). */
    public SteadyLoad(IntSupplier port, Instant window) {
        this.port = port;
        this.window = window;
        this.thread = new Thread(this::run, "steady-load");
        thread.start();
    }

    private void run() {
        long sent = 0;
        while (running.get()) {
            List<Map<String, Object>> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(valid(window.plusMillis(sent++ * 20)));
            }
            while (!take(batch)) {
                refused.incrementAndGet();
                pause(Duration.ofMillis(200));
            }
            accepted.addAndGet(BATCH);
            pause(Duration.ofMillis(20));
        }
    }

    private boolean take(List<Map<String, Object>> batch) {
        try {
            var answer = RestAssured.given().config(PATIENT).port(port.getAsInt()).contentType(ContentType.JSON).body(batch)
                    .post("/api/v1/exchanges");
            if (answer.statusCode() == 202) {
                return true;
            }
            lastRefusal = answer.statusCode() + " " + answer.asString();
        } catch (Exception unreachable) {
            // RestAssured throws a refused connection as it is, unchecked or not.
            lastRefusal = unreachable.toString();
        }
        return false;
    }

    /** Why the service last did not take a batch, for a test that waits in vain. */
    public String lastRefusal() {
        return lastRefusal;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Exchanges the service has taken so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Tries the service did not take (a batch resent whole after each). */
    public long refused() {
        return refused.get();
    }

    /** Stops after the batch in hand is taken; returns every exchange taken. */
    public long stop() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofMinutes(3).toMillis());
        if (thread.isAlive()) {
            throw new IllegalStateException("the last batch was not taken within three minutes");
        }
        return accepted.get();
    }

    @Override
    public void close() throws InterruptedException {
        if (thread.isAlive()) {
            stop();
        }
    }
}
