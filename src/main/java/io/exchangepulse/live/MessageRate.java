package io.exchangepulse.live;

import java.time.Duration;
import java.time.Instant;

/**
 * How many messages a viewer may send: a few at once, then one per interval (a token bucket). A page sends
 * a subscription and now and then a resync; a client that sends more is flooding.
 */
final class MessageRate {

    private final int burst;
    private final long intervalMillis;
    private double tokens;
    private long lastMillis;

    MessageRate(int burst, Duration interval, Instant now) {
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
