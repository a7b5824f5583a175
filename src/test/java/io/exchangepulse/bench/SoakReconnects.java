package io.exchangepulse.bench;

import io.exchangepulse.embedded.EmbeddedIssuer;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.PulseServices;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Walls that drop off and come back, spread evenly over the run: each reconnect opens /live, waits for its snapshot
 * and drops the socket without a goodbye, as a wall whose network blinks does. What the service holds per
 * connection (its viewer, its subscription, its admission's account) must go with it.
 */
final class SoakReconnects implements AutoCloseable {

    /**
     * The walls that reconnect, taking turns: each then opens at most one connection every few seconds, within the
     * live admission's pace for one caller (a burst, then one per 2 s) even for a short run with many reconnects.
     */
    private static final int WALLS = 50;
    private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(10);

    private final int port;
    private final int count;
    private final Duration every;
    private final AtomicLong made = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String lastFailure = "none";
    private final Thread thread;

    SoakReconnects(int port, int count, Duration over) {
        this.port = port;
        this.count = count;
        this.every = over.dividedBy(Math.max(1, count));
        this.thread = new Thread(this::run, "soak-reconnects");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long start = System.nanoTime();
        for (int i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
            long wait = start + i * every.toNanos() - System.nanoTime();
            try {
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                // A fresh token each time: a run may outlast any one token's life.
                String bearer = "Bearer " + PulseServices.issuer().accessToken(new EmbeddedIssuer.User("soak-wall-" + (i % WALLS),
                        List.of("wall"), null, null, List.of()), Duration.ofMinutes(5));
                try (LiveClient client = LiveClient.connectWith(port, bearer)) {
                    client.next(SNAPSHOT_WAIT);
                }
                made.incrementAndGet();
            } catch (InterruptedException stopped) {
                return;
            } catch (Exception | AssertionError refused) {
                failed.incrementAndGet();
                lastFailure = refused.toString();
            }
        }
    }

    long made() {
        return made.get();
    }

    long failed() {
        return failed.get();
    }

    String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
