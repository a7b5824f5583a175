package io.exchangepulse.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Records every audited request when its answer is sent ({@link AuditAction#of}): who (the verified caller, or
 * anonymous), how they came in, what they asked for, from where, and the status; a resource adds what it did
 * ({@link #detail}). First of the filters, so that a request refused before it is authenticated (another
 * site's, one without a token) is recorded too.
 */
@ApplicationScoped
public class AuditFilter {

    /** Before every other filter: refusals by authentication (200) and the request guard are recorded too. */
    static final int PRIORITY = 400;
    private static final String DETAIL = "exchangepulse.audit.detail";
    private static final int MAX_TARGET = 512;
    private static final Pattern SECRETS = Pattern.compile(
            "(?i)(?<=[?&])((?:access_|id_|refresh_|logout_)?token|code|state|session_state|password|secret|client_secret)=[^&#]*");

    @Inject
    AuditTrail trail;

    void register(@Observes Filters filters) {
        filters.register(this::attach, PRIORITY);
    }

    void attach(RoutingContext context) {
        String method = context.request().method().name();
        Optional<AuditAction> action = AuditAction.of(method, context.normalizedPath());
        if (action.isPresent()) {
            String target = method + " " + bounded(context.request().uri());
            String source = context.request().remoteAddress() == null ? null : context.request().remoteAddress().hostAddress();
            boolean bearer = context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
            context.addEndHandler(done -> {
                SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
                trail.record(identity, via(identity, bearer), action.get(), target, source, context.response().getStatusCode(),
                        context.get(DETAIL));
            });
        }
        context.next();
    }

    /** What a resource did for the request (items accepted, sessions ended), to go with its entry. */
    public static void detail(RoutingContext context, String detail) {
        context.put(DETAIL, detail);
    }

    /** How a caller came in: with a bearer token, a person's session, the wall's kiosk session, or not at all. */
    public static String via(SecurityIdentity identity, boolean bearer) {
        String tenant = identity == null ? null : identity.getAttribute("tenant-id");
        if ("web".equals(tenant)) {
            return "session";
        }
        return "kiosk".equals(tenant) ? "kiosk" : bearer ? "bearer" : "anonymous";
    }

    /** The address, cut short, with the value of any parameter that could carry a credential left out. */
    static String bounded(String uri) {
        String redacted = SECRETS.matcher(uri).replaceAll("$1=…");
        return redacted.length() <= MAX_TARGET ? redacted : redacted.substring(0, MAX_TARGET) + "…";
    }
}
