package io.exchangepulse.live;

import io.exchangepulse.identity.Origins;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Refuses the WebSocket upgrade of a page from another site (cross-site WebSocket hijacking: a browser sends
 * the user's cookies to /live from any page): a browser's upgrade names its page's origin, which must be the
 * service's own (the host it was asked for) or one of {@code exchangepulse.live.allowed-origins}. A client
 * that is not a browser sends no origin and is let through; identity, not the origin, decides for it.
 */
@ApplicationScoped
public class LiveOriginCheck implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(LiveOriginCheck.class);

    @ConfigProperty(name = "exchangepulse.live.allowed-origins")
    Optional<List<String>> allowedOrigins;

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader(HttpHeaders.ORIGIN);
        String host = context.httpRequest().getHeader(HttpHeaders.HOST);
        if (allowed(origin, host)) {
            return CheckResult.permitUpgrade();
        }
        LOG.infof("Refused a live connection from origin %s (host %s)", origin, host);
        return CheckResult.rejectUpgrade(403);
    }

    boolean allowed(String origin, String host) {
        if (origin == null) {
            return true;
        }
        return allowedOrigins.orElse(List.of()).contains(origin) || Origins.sameOrigin(origin, host);
    }
}
