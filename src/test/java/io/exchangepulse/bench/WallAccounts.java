package io.exchangepulse.bench;

import io.exchangepulse.embedded.EmbeddedIssuer;
import io.exchangepulse.support.PulseServices;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bearer token per benchmark viewer, each a wall display with an account of its own as production gives them:
 * one account for thousands of viewers would be refused by the live admission (connections a caller, and how
 * fast it opens them), which is there for exactly that.
 */
final class WallAccounts {

    /** Longer than the longest benchmark: the service closes a connection whose token expires. */
    private static final Duration LIFETIME = Duration.ofHours(6);
    private static final Map<Integer, String> BEARERS = new ConcurrentHashMap<>();

    private WallAccounts() {
    }

    static String bearer(int viewer) {
        return BEARERS.computeIfAbsent(viewer, number -> "Bearer " + PulseServices.issuer().accessToken(
                new EmbeddedIssuer.User("bench-wall-" + number, List.of("wall"), null, null, List.of()), LIFETIME));
    }
}
