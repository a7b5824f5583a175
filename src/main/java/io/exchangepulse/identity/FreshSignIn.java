package io.exchangepulse.identity;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A sign-in after a session ended for its age asks the provider to authenticate the person again
 * ({@code prompt=login}), instead of letting the provider's own session sign them in silently with the old
 * authentication ({@link SessionLimits}).
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class FreshSignIn implements OidcRedirectFilter {

    @Override
    public void filter(OidcRedirectContext redirect) {
        if (redirect.routingContext().request().getCookie(SessionLimits.FRESH_SIGN_IN_COOKIE) != null) {
            redirect.additionalQueryParams().add("prompt", "login");
            redirect.routingContext().response().addCookie(Cookie.cookie(SessionLimits.FRESH_SIGN_IN_COOKIE, "").setPath("/").setMaxAge(0));
        }
    }
}
