package io.exchangepulse.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.audit.AuditFilter;
import io.exchangepulse.platform.Problem;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The limits of a browser session, checked on every request it makes, once it is authenticated:
 * <ul>
 * <li>a person's session ends {@code session-max-age} (12 h) after they authenticated at the provider
 * ({@code auth_time}), an administrator's after {@code admin-session-max-age} (1 h), however busy; idle, it ends
 * sooner (the session age extension). The next sign-in then asks the provider for a fresh authentication
 * ({@link FreshSignIn}), so a provider's own longer session cannot renew it silently;</li>
 * <li>a kiosk session (the wall's long offline session) is only for the wall role: anyone else signed in at
 * /kiosk is signed out again, and told where people sign in.</li>
 * </ul>
 * Ending a session deletes it server-side, so every copy of its cookie ends with it.
 */
@ApplicationScoped
public class SessionLimits {

    private static final Logger LOG = Logger.getLogger(SessionLimits.class);
    /** After authentication (priority 200), before authorization (100) and the resources. */
    static final int PRIORITY = 120;
    /** Marks a browser whose session ended for its age: its next sign-in must authenticate afresh. */
    static final String FRESH_SIGN_IN_COOKIE = "ep_fresh_sign_in";

    @Inject
    IdentityConfig config;

    @Inject
    SessionRepository sessions;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        if (!(context.user() instanceof QuarkusHttpUser user)) {
            context.next();
            return;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        String tenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
        if (!(identity.getPrincipal() instanceof JsonWebToken token)
                || !(TenantSelection.WEB.equals(tenant) || TenantSelection.KIOSK.equals(tenant))) {
            context.next();
            return;
        }
        if (TenantSelection.KIOSK.equals(tenant) && !onlyTheWall(identity)) {
            end(context, tenant, token, false, 403, "kiosk-is-for-the-wall", "The kiosk is for the wall display",
                    token.getName() + " is not a wall display (the wall role and no other): people sign in at /, the wall at /kiosk");
            return;
        }
        Optional<Duration> limit = limit(tenant, identity);
        // A token without auth_time reads 0 here: the sign-in is then no older than the ID token.
        Instant authenticated = Instant.ofEpochSecond(Optional.ofNullable(token.<Number>getClaim("auth_time"))
                .map(Number::longValue).filter(time -> time > 0).orElse(token.getIssuedAtTime()));
        if (limit.isPresent() && clock.instant().isAfter(authenticated.plus(limit.get()))) {
            end(context, tenant, token, true, 401, "session-ended", "Session ended", "a session lasts at most "
                    + readable(limit.get()) + " after signing in (" + authenticated + "): sign in again");
            return;
        }
        context.next();
    }

    /** The kiosk's long session is for an account with the wall role and no other: nobody's administrator session lasts 30 days. */
    static boolean onlyTheWall(SecurityIdentity identity) {
        return Arrays.stream(Role.values()).allMatch(role -> identity.hasRole(role.claim()) == (role == Role.WALL));
    }

    /** A kiosk's session has no absolute limit; a person's has, an administrator's a shorter one. */
    private Optional<Duration> limit(String tenant, SecurityIdentity identity) {
        if (TenantSelection.KIOSK.equals(tenant)) {
            return Optional.empty();
        }
        return Optional.of(identity.hasRole(Role.ADMIN.claim()) ? config.adminSessionMaxAge() : config.sessionMaxAge());
    }

    private static String readable(Duration duration) {
        return duration.toSeconds() % 3600 == 0 ? duration.toHours() + " h"
                : duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    private void end(RoutingContext context, String tenant, JsonWebToken token, boolean freshSignIn, int status, String type,
                     String title, String detail) {
        LOG.infof("Ended the %s session of %s: %s", tenant, token.getName(), detail);
        AuditFilter.detail(context, "session ended: " + detail);
        context.response().addCookie(Cookie.cookie(TenantSelection.sessionCookie(tenant), "").setPath("/").setMaxAge(0)
                .setHttpOnly(true).setSameSite(CookieSameSite.STRICT));
        if (freshSignIn) {
            context.response().addCookie(Cookie.cookie(FRESH_SIGN_IN_COOKIE, "1").setPath("/").setMaxAge(3600)
                    .setHttpOnly(true).setSameSite(CookieSameSite.LAX));
        }
        // Past its age, every session of the sign-in ends; a person at the kiosk loses only the kiosk's session.
        String cookie = Optional.ofNullable(context.request().getCookie(TenantSelection.sessionCookie(tenant)))
                .map(io.vertx.core.http.Cookie::getValue).orElse("");
        sessions.end(cookie, freshSignIn ? Optional.ofNullable(token.<String>getClaim("sid")) : Optional.empty())
                .subscribe().with(ended -> respond(context, status, type, title, detail), failure -> {
                    LOG.warnf("Ending a session failed: %s", failure.toString());
                    respond(context, 503, "session-store-unavailable", "Sessions unavailable", "try again in a moment");
                });
    }

    /** A page is sent to sign in again (the same address, now without a session); anything else is told why. */
    private void respond(RoutingContext context, int status, String type, String title, String detail) {
        boolean page = context.request().method() == HttpMethod.GET && status == 401
                && context.request().getHeader("X-Requested-With") == null
                && Optional.ofNullable(context.request().getHeader(HttpHeaders.ACCEPT)).orElse("").contains("text/html");
        if (page) {
            String again = context.request().query() == null ? context.normalizedPath() : context.normalizedPath() + "?" + context.request().query();
            context.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, KioskResource.isOwnPath(again) ? again : "/").end();
            return;
        }
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(Problem.of(type, title, status, detail)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
