package io.exchangepulse.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.platform.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * The rules of every request that changes something (any method but GET, HEAD and OPTIONS), checked before
 * a byte of the body is read:
 * <ul>
 * <li>from a browser, only from the service's own pages: a {@code Sec-Fetch-Site} other than same-origin or
 * none, or an {@code Origin} of another host, is a 403 (cross-site request forgery, including from another
 * host of the same site, which SameSite cookies let through);</li>
 * <li>only with a bearer token: a request that carries a browser session cookie and no bearer token is a 403,
 * so the session of a signed-in administrator can never be made to send (writes belong to machine clients);</li>
 * <li>only with a body the API reads: a missing or other {@code Content-Type} is a 415.</li>
 * </ul>
 * The provider's back-channel logout is the one unsafe request without a bearer token: it carries no cookie
 * and is verified by its own token ({@link BackChannelLogoutResource}).
 */
@ApplicationScoped
public class UnsafeRequestGuard {

    private static final Logger LOG = Logger.getLogger(UnsafeRequestGuard.class);
    /**
     * After authentication (Quarkus authenticates at priority 200), so that a refusal names its caller in the audit
     * trail, and before authorization (100) and the resources: nothing of the body is read before it.
     */
    static final int PRIORITY = 190;
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<String> API_BODIES = Set.of("application/json", "application/x-ndjson");
    static final String BACK_CHANNEL_LOGOUT = "/back-channel-logout";

    @Inject
    ObjectMapper mapper;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        if (SAFE.contains(context.request().method())) {
            context.next();
            return;
        }
        String fetchSite = context.request().getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            refuse(context, 403, "cross-site", "Cross-site request", "a request that changes something must come from the "
                    + "service's own pages, not from a " + fetchSite + " page");
            return;
        }
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !Origins.sameOrigin(origin, context.request().getHeader(HttpHeaders.HOST))) {
            refuse(context, 403, "cross-site", "Cross-site request", "a request that changes something must come from the "
                    + "service's own pages, not from " + origin);
            return;
        }
        boolean backChannel = context.normalizedPath().equals(BACK_CHANNEL_LOGOUT);
        if (!backChannel && context.request().getHeader(HttpHeaders.AUTHORIZATION) == null && TenantSelection.hasAnySession(context)) {
            refuse(context, 403, "session-cannot-write", "A browser session only reads", "a signed-in browser may read, "
                    + "never write: a request that changes something needs a bearer access token (Authorization: Bearer ...)");
            return;
        }
        String type = mediaType(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
        boolean expected = type != null && (backChannel ? type.equals("application/x-www-form-urlencoded") : API_BODIES.contains(type));
        if (!expected) {
            refuse(context, 415, "unsupported-media-type", "Unsupported media type", type == null
                    ? "the request has no Content-Type: send application/json or application/x-ndjson"
                    : "the request's Content-Type is " + type + ": send application/json or application/x-ndjson");
            return;
        }
        context.next();
    }

    /** The media type alone, lower case, without its parameters (charset). */
    static String mediaType(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private void refuse(RoutingContext context, int status, String type, String title, String detail) {
        LOG.debugf("Refused %s %s: %s", context.request().method(), context.normalizedPath(), detail);
        try {
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    // The body is left unread: the connection cannot be reused for another request.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(mapper.writeValueAsString(Problem.of(type, title, status, detail)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
