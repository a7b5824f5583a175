package io.exchangepulse.live;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many live connections a caller may hold and open on this replica: at most
 * {@code max-connections-per-caller} at once, and, after a burst, one new connection per {@code connect-interval}.
 * A caller past either is answered 429 with {@code Retry-After} before the upgrade, so that one partner's
 * script cannot hold the replica's sockets or make it authenticate and snapshot in a loop. A wall that
 * reconnects with backoff never meets either.
 */
@ApplicationScoped
public class LiveAdmission implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(LiveAdmission.class);
    static final int CONNECT_BURST = 10;
    /** Buckets of callers who have not connected for a while are full again: forgotten past this many. */
    private static final int REMEMBERED_CALLERS = 10_000;

    @Inject
    LiveConfig config;

    @Inject
    Viewers viewers;

    @Inject
    Clock clock;

    private final Map<String, TokenBucket> connects = new ConcurrentHashMap<>();

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity().map(this::judge);
    }

    CheckResult judge(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            // Refused by the endpoint's own role check, with 401.
            return CheckResult.permitUpgradeSync();
        }
        String caller = identity.getPrincipal().getName();
        if (viewers.connectionsOf(caller) >= config.maxConnectionsPerCaller()) {
            LOG.infof("Refused a live connection of %s: it holds %d already", caller, config.maxConnectionsPerCaller());
            return tooMany(config.heartbeat().toSeconds());
        }
        if (connects.size() > REMEMBERED_CALLERS) {
            connects.clear();
        }
        if (!connects.computeIfAbsent(caller, name -> new TokenBucket(CONNECT_BURST, config.connectInterval(), clock.instant()))
                .allow(clock.instant())) {
            LOG.infof("Refused a live connection of %s: it reconnects faster than one per %s", caller, config.connectInterval());
            return tooMany(Math.max(1, config.connectInterval().toSeconds()));
        }
        return CheckResult.permitUpgradeSync();
    }

    private static CheckResult tooMany(long retryAfterSeconds) {
        return CheckResult.rejectUpgradeSync(429, Map.of("Retry-After", List.of(String.valueOf(retryAfterSeconds))));
    }
}
