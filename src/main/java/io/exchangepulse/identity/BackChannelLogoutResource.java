package io.exchangepulse.identity;

import io.exchangepulse.audit.AuditFilter;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * OpenID Connect Back-Channel Logout: the provider tells the service that a sign-in ended there (an
 * administrator ended the session, the person signed out elsewhere), and every session of that sign-in ends
 * here, on every replica at once, since sessions are kept in the shared database ({@link SessionRepository}).
 * The logout token is verified by Quarkus as a token of the {@code logout-token} tenant (signature, issuer,
 * audience, age); the rest of the standard's checks (section 2.6) are here.
 */
@Path("/back-channel-logout")
@Tag(name = "Identity")
public class BackChannelLogoutResource {

    private static final Logger LOG = Logger.getLogger(BackChannelLogoutResource.class);
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** A logout token is a few hundred bytes; anything far larger is not one. */
    private static final int MAX_TOKEN = 16_384;

    @Inject
    @Tenant("logout-token")
    TenantIdentityProvider logoutTokens;

    @Inject
    SessionRepository sessions;

    @Inject
    CurrentVertxRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Back-channel logout", description = "For the identity provider: a logout token ends every session of its sign-in.")
    public Uni<Response> logout(@FormParam("logout_token") String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            return Uni.createFrom().item(refused("no logout token"));
        }
        return logoutTokens.authenticate(new AccessTokenCredential(token))
                .map(identity -> (JsonWebToken) identity.getPrincipal())
                .chain(claims -> {
                    Optional<String> why = invalid(claims);
                    if (why.isPresent()) {
                        return Uni.createFrom().item(refused(why.get()));
                    }
                    Optional<String> sid = Optional.ofNullable(claims.<String>getClaim("sid"));
                    String which = sid.map(s -> "sign-in " + s).orElse("every sign-in of " + claims.getSubject());
                    return sessions.endProviderSession(sid, claims.getSubject())
                            .invoke(ended -> {
                                LOG.infof("The provider ended %s: %d session(s) ended here", which, ended);
                                AuditFilter.detail(request.getCurrent(), "the provider ended " + which + ": " + ended + " session(s)");
                            })
                            .replaceWith(Response.ok().build());
                })
                .onFailure().recoverWithItem(failure -> {
                    // The verifier's message quotes the token: never into an answer, the audit trail or a log above DEBUG.
                    LOG.debugf("A logout token did not verify: %s", failure.getMessage());
                    return refused("the logout token does not verify");
                });
    }

    /** Why a verified token is still no logout token (OpenID Connect Back-Channel Logout 1.0, 2.4 and 2.6). */
    private static Optional<String> invalid(JsonWebToken claims) {
        Object events = claims.getClaim("events");
        if (!(events instanceof JsonObject object) || !object.containsKey(EVENT)) {
            return Optional.of("no back-channel logout event");
        }
        if (claims.getClaim("sid") == null && claims.getSubject() == null) {
            return Optional.of("neither sid nor sub");
        }
        if (claims.containsClaim("nonce")) {
            return Optional.of("a nonce, which a logout token never holds");
        }
        return Optional.empty();
    }

    /** Why is one of this class's fixed reasons, never text from the request. */
    private Response refused(String why) {
        LOG.infof("Refused a back-channel logout: %s", why);
        AuditFilter.detail(request.getCurrent(), "refused: " + why);
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "invalid_request", "error_description", why)).build();
    }
}
