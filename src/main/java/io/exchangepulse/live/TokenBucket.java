package io.exchangepulse.live;

import java.time.Duration;
import java.time.Instant;

/**
 * How often something may happen: a few at once, then one per interval. A viewer's messages (a page sends a
 * subscription and now and then a resync: more is flooding), and a caller's live connections (a wall
 * reconnects with backoff: a caller that reconnects faster is hammering the replica).
 */
final class TokenBucket {

    private final int burst;
    private final long intervalMillis;
    private double tokens;
    private long lastMillis;

    TokenBucket(int burst, Duration interval, Instant now) {
        this.burst = burst;
        this.intervalMillis = interval.toMillis();
        this.tokens = burst;
        this.lastMillis = now.toEpochMilli();
    }

    synchronized boolean allow(Instant now) {
        long elapsed = Math.max(0, now.toEpochMilli() - lastMillis);
        lastMillis = now.toEpochMilli();
        tokens = Math.min(burst, tokens + (double) elapsed / intervalMillis);
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
