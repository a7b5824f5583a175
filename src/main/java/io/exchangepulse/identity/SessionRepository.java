package io.exchangepulse.identity;

import io.exchangepulse.platform.Failures;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.oidc.common.runtime.OidcCommonUtils;
import io.quarkus.oidc.runtime.CodeAuthenticationMechanism;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationCompletionException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions kept server-side, in the service's own PostgreSQL ({@code web_session}), as Quarkus OIDC's
 * token state: the session cookie holds only a random name for a row (stored as its hash), and the row holds
 * the provider's tokens sealed with the session secret ({@link SessionCipher}). A session therefore ends for
 * every copy of its cookie at once: when its person signs out, when an administrator ends it at the provider
 * ({@link #endProviderSession}), or when it outlives its limits ({@link SessionLimits}).
 *
 * <p>While the database is away, a session this replica has read lately is still recognised (so a wall is not
 * signed out by a database restart); nothing new is recognised, and no session ends, until it is back.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SessionRepository implements TokenStateManager {

    private static final Logger LOG = Logger.getLogger(SessionRepository.class);
    private static final int NAME_BYTES = 32;
    /** How many recently read sessions this replica remembers for a database outage. */
    private static final int REMEMBERED = 5_000;
    private static final Base64.Encoder NAMES = Base64.getUrlEncoder().withoutPadding();

    private final Pool pool;
    private final SessionCipher cipher;
    private final SecureRandom random = new SecureRandom();
    private final Map<ByteBuffer, Remembered> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Remembered> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Remembered(AuthorizationCodeTokens tokens, String sid, String subject, String tenant, Instant expiresAt) {
    }

    @Inject
    SessionRepository(Pool pool, IdentityConfig config) {
        this.pool = pool;
        this.cipher = new SessionCipher(config.sessionSecret().orElse(""));
    }

    @Override
    public Uni<String> createTokenState(RoutingContext context, OidcTenantConfig oidcConfig, AuthorizationCodeTokens tokens,
                                        OidcRequestContext<String> requestContext) {
        byte[] name = new byte[NAME_BYTES];
        random.nextBytes(name);
        String cookie = NAMES.encodeToString(name);
        byte[] hash = hashOf(cookie);
        JsonObject id = OidcCommonUtils.decodeJwtContent(tokens.getIdToken());
        String sid = id.getString("sid");
        String subject = id.getString("sub");
        Long maxAge = context.get(CodeAuthenticationMechanism.SESSION_MAX_AGE_PARAM);
        Instant expiresAt = Instant.now().plusSeconds(maxAge == null ? 300 : maxAge);
        String tenant = oidcConfig.tenantId().orElseThrow();
        byte[] sealed = cipher.seal(new JsonObject().put("id", tokens.getIdToken()).put("access", tokens.getAccessToken())
                .put("refresh", tokens.getRefreshToken()).encode().getBytes(StandardCharsets.UTF_8), hash);
        return pool.preparedQuery("INSERT INTO web_session (cookie_hash, tenant, sid, subject, tokens, expires_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.of(Buffer.buffer(hash), tenant, sid, subject,
                        Buffer.buffer(sealed), expiresAt.atOffset(ZoneOffset.UTC)))
                // A sign-in or a renewal during a database restart waits for it a little, rather than failing.
                .onFailure(Failures::isTransient).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .expireIn(Duration.ofSeconds(30).toMillis())
                .invoke(() -> remember(hash, new Remembered(tokens, sid, subject, tenant, expiresAt)))
                .call(() -> retirePrevious(context, tenant))
                .replaceWith(cookie);
    }

    /**
     * A renewal gives the browser a new cookie; the one it replaces works on for a minute only (the browser's requests
     * already under way still carry it), so no copy taken before a renewal outlives it and a sign-out.
     */
    private Uni<Void> retirePrevious(RoutingContext context, String tenant) {
        var previous = context.request().getCookie(TenantSelection.sessionCookie(tenant));
        if (previous == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("UPDATE web_session SET expires_at = least(expires_at, now() + interval '1 minute') "
                        + "WHERE cookie_hash = $1")
                .execute(Tuple.of(Buffer.buffer(hashOf(previous.getValue()))))
                .onFailure().invoke(e -> LOG.warnf("The session a renewal replaced ends at its own expiry (%s)", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext context, OidcTenantConfig oidcConfig, String cookie,
                                                  OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        byte[] hash = hashOf(cookie);
        String tenant = oidcConfig.tenantId().orElseThrow();
        return pool.preparedQuery("SELECT tokens, sid, expires_at, subject FROM web_session "
                        + "WHERE cookie_hash = $1 AND tenant = $2 AND expires_at > now()")
                .execute(Tuple.of(Buffer.buffer(hash), tenant))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        forget(hash);
                        throw new AuthenticationCompletionException("the session has ended");
                    }
                    Row row = rows.iterator().next();
                    AuthorizationCodeTokens tokens = open(row.getBuffer(0).getBytes(), hash);
                    remember(hash, new Remembered(tokens, row.getString(1), row.getString(3), tenant, row.getOffsetDateTime(2).toInstant()));
                    return tokens;
                })
                .onFailure(failure -> !(failure instanceof AuthenticationCompletionException) && Failures.isTransient(failure))
                .recoverWithUni(failure -> Uni.createFrom().item(() -> recalled(hash, tenant, failure)));
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext context, OidcTenantConfig oidcConfig, String cookie,
                                  OidcRequestContext<Void> requestContext) {
        byte[] hash = hashOf(cookie);
        forget(hash);
        return pool.preparedQuery("DELETE FROM web_session WHERE cookie_hash = $1")
                .execute(Tuple.of(Buffer.buffer(hash)))
                .onFailure().invoke(e -> LOG.warnf("A session could not be ended now (%s); it ends at its expiry", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Ends every session of one sign-in at the provider (its {@code sid}), or, where the provider names no session,
     * every session of {@code subject}; returns how many ended.
     */
    public Uni<Integer> endProviderSession(Optional<String> sid, String subject) {
        synchronized (remembered) {
            remembered.values().removeIf(session -> sid.map(s -> s.equals(session.sid())).orElse(subject.equals(session.subject())));
        }
        return (sid.isPresent()
                ? pool.preparedQuery("DELETE FROM web_session WHERE sid = $1").execute(Tuple.of(sid.get()))
                : pool.preparedQuery("DELETE FROM web_session WHERE subject = $1").execute(Tuple.of(subject)))
                .map(rows -> rows.rowCount());
    }

    /** Ends the session named by {@code cookie}, and with {@code sid} every other session of the same sign-in. */
    Uni<Integer> end(String cookie, Optional<String> sid) {
        byte[] hash = hashOf(cookie);
        forget(hash);
        synchronized (remembered) {
            sid.ifPresent(s -> remembered.values().removeIf(session -> s.equals(session.sid())));
        }
        return pool.preparedQuery("DELETE FROM web_session WHERE cookie_hash = $1 OR sid = $2")
                .execute(Tuple.of(Buffer.buffer(hash), sid.orElse(null)))
                .map(rows -> rows.rowCount());
    }

    /** Sessions past their expiry are of no use to anyone: forgotten every few minutes. */
    @Scheduled(every = "${exchangepulse.identity.expired-sessions-purge:PT10M}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return pool.query("DELETE FROM web_session WHERE expires_at < now()").execute()
                .onFailure().invoke(e -> LOG.debugf("Purging expired sessions failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private AuthorizationCodeTokens open(byte[] sealed, byte[] hash) {
        try {
            JsonObject tokens = new JsonObject(new String(cipher.open(sealed, hash), StandardCharsets.UTF_8));
            return new AuthorizationCodeTokens(tokens.getString("id"), tokens.getString("access"), tokens.getString("refresh"));
        } catch (GeneralSecurityException e) {
            // Sealed under another secret (EXCHANGEPULSE_SESSION_SECRET changed) or altered: the person signs in again.
            throw new AuthenticationCompletionException("the session cannot be opened with this session secret");
        }
    }

    private AuthorizationCodeTokens recalled(byte[] hash, String tenant, Throwable failure) {
        Remembered session;
        synchronized (remembered) {
            session = remembered.get(ByteBuffer.wrap(hash));
        }
        if (session == null || !session.tenant().equals(tenant) || session.expiresAt().isBefore(Instant.now())) {
            throw new AuthenticationCompletionException("the session cannot be read now: " + failure);
        }
        LOG.debugf("Recognised a session from memory while the database is away (%s)", failure.toString());
        return session.tokens();
    }

    private void remember(byte[] hash, Remembered session) {
        synchronized (remembered) {
            remembered.put(ByteBuffer.wrap(hash), session);
        }
    }

    private void forget(byte[] hash) {
        synchronized (remembered) {
            remembered.remove(ByteBuffer.wrap(hash));
        }
    }

    static byte[] hashOf(String cookie) {
        return SessionCipher.sha256(cookie.getBytes(StandardCharsets.US_ASCII));
    }
}
