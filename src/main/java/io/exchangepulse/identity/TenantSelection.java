package io.exchangepulse.identity;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which of the two ways in a request takes: a bearer token (machine clients, the default tenant, an
 * anonymous call is a 401), or the browser's sign-in (the {@code web} tenant: the pages, and what a signed-in
 * page then asks for with its session cookie, the API and /live included).
 */
@ApplicationScoped
public class TenantSelection implements TenantResolver {

    static final String WEB = "web";
    private static final String SESSION_COOKIE = "q_session_" + WEB;

    @Override
    public String resolve(RoutingContext context) {
        if (context.request().getHeader("Authorization") != null) {
            return null;
        }
        String path = context.normalizedPath();
        boolean page = path.equals("/") || path.equals("/index.html") || path.equals("/report") || path.equals("/playlist");
        boolean signedIn = context.request().getCookie(SESSION_COOKIE) != null
                || context.request().cookies().stream().anyMatch(cookie -> cookie.getName().startsWith(SESSION_COOKIE + "_chunk"));
        return page || signedIn ? WEB : null;
    }
}
