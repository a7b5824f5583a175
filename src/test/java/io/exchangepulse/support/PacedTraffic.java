package io.exchangepulse.support;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Exchanges posted to a service at a steady rate for as long as it runs, as the center's own feed sends them (an
 * administrator, who may send as any party): a batch every 100 ms, the service's tick, so that a wall sees a
 * delta in every tick as it would on a busy day, not one burst a second.
 */
public final class PacedTraffic implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int TICKS_PER_SECOND = 10;
    /** Long enough for the last exchanges sent to be counted, pushed and drawn, and a wall's numbers to stop moving. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private final URI endpoint;
    private final double perSecond;
    private final Supplier<Map<String, Object>> exchanges;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String lastRefusal = "none";
    private volatile boolean paused;
    private long tick;

    /** {@code exchanges} makes each exchange as it is sent (its {@code occurredAt} then). */
    public PacedTraffic(int port, double perSecond, Supplier<Map<String, Object>> exchanges) {
        this.endpoint = URI.create("http://localhost:" + port + "/api/v1/exchanges");
        this.perSecond = perSecond;
        this.exchanges = exchanges;
        sender.scheduleAtFixedRate(this::sendTick, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
    }

    private void sendTick() {
        // Whole exchanges per tick that add up to the rate, whatever its fraction.
        int count = (int) (Math.floor((tick + 1) * perSecond / TICKS_PER_SECOND) - Math.floor(tick * perSecond / TICKS_PER_SECOND));
        tick++;
        if (count == 0 || paused) {
            return;
        }
        List<Map<String, Object>> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(exchanges.get());
        }
        try {
            var answer = client.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .header("Authorization", Callers.bearer(Callers.DEFAULT))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(batch))).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 202) {
                accepted.addAndGet(count);
                return;
            }
            lastRefusal = answer.statusCode() + " " + answer.body();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception unreachable) {
            // A scheduled task that throws is never run again: the traffic goes on, and says what it met.
            lastRefusal = unreachable.toString();
        }
        refused.addAndGet(count);
    }

    /**
     * What {@code read} finds once the traffic has held off for a moment (a wall read quiet, PageMetrics.read), the
     * traffic going on after it; the ticks meanwhile are skipped, not made up for.
     */
    public <T> T quiet(Callable<T> read) throws Exception {
        paused = true;
        try {
            Thread.sleep(QUIET.toMillis());
            return read.call();
        } finally {
            paused = false;
        }
    }

    /** Exchanges the service took. */
    public long accepted() {
        return accepted.get();
    }

    /** Exchanges it did not take (they are not sent again). */
    public long refused() {
        return refused.get();
    }

    public String lastRefusal() {
        return lastRefusal;
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdownNow();
        sender.awaitTermination(30, TimeUnit.SECONDS);
    }
}
