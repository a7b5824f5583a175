package io.exchangepulse.identity;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which way in a request takes: a bearer access token (machine clients: the default tenant, where an anonymous
 * call is a 401), the wall's kiosk sign-in (entered at {@code /kiosk}, then its session cookie), or a person's
 * browser sign-in (the pages, then its session cookie). A session cookie carries reads and the /live upgrade,
 * never a write ({@link UnsafeRequestGuard}).
 */
@ApplicationScoped
public class TenantSelection implements TenantResolver {

    static final String WEB = "web";
    static final String KIOSK = "kiosk";
    static final String KIOSK_PATH = "/kiosk";

    @Override
    public String resolve(RoutingContext context) {
        if (context.request().getHeader("Authorization") != null) {
            return null;
        }
        String path = context.normalizedPath();
        if (path.equals(KIOSK_PATH) || hasSession(context, KIOSK)) {
            return KIOSK;
        }
        boolean page = path.equals("/") || path.equals("/index.html") || path.equals("/report") || path.equals("/playlist");
        return page || hasSession(context, WEB) ? WEB : null;
    }

    /** The name of a tenant's session cookie, as Quarkus OIDC gives it (long values are split in chunks). */
    static String sessionCookie(String tenant) {
        return "q_session_" + tenant;
    }

    static boolean hasSession(RoutingContext context, String tenant) {
        String name = sessionCookie(tenant);
        return context.request().getCookie(name) != null
                || context.request().cookies().stream().anyMatch(cookie -> cookie.getName().startsWith(name + "_chunk"));
    }

    /** Whether the request carries any browser session at all. */
    static boolean hasAnySession(RoutingContext context) {
        return hasSession(context, WEB) || hasSession(context, KIOSK);
    }
}
