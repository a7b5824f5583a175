package io.exchangepulse.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.math.BigInteger;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OpenID Connect provider in this JVM, for the one-command run and the tests, that issues what the
 * center's provider issues (src/docs/deployment.md, "The token contract"): discovery, a JSON Web Key Set, RS256-signed
 * access tokens (typ Bearer, the service's roles in {@code resource_access}) and ID tokens (typ ID, with the
 * provider session's {@code sid} and {@code auth_time}), the authorization-code grant with PKCE (S256 only,
 * as the realm requires), refresh and offline tokens (offline only for the wall), the client-credentials
 * grant of the liaison desks' systems, the password grant (a development convenience the realm does not
 * offer), sign-out, and back-channel logout when a session is ended ({@link #endSessions}), as an
 * administrator ends one at Keycloak. Its key lives in a file, when given one, so that a wall's offline
 * session outlives a restart.
 */
public final class EmbeddedIssuer implements AutoCloseable {

    /** Someone who signs in: the service's roles, and the claims the service reads. */
    public record User(String name, List<String> roles, String party, String agency, List<String> taskForces) {
    }

    /** A liaison desk's system: a confidential client of its own, whose service account speaks for one party. */
    public record Desk(String clientId, String secret, String party, String agency) {
    }

    /**
     * The dev and test users, one per role (README, "Users of the one-command run"); each signs in with their name
     * as password.
     */
    public static final List<User> USERS = List.of(
            new User("liaison-ro", List.of("liaison"), "RO", "POLICE", List.of()),
            new User("liaison-bg", List.of("liaison"), "BG", "CUSTOMS", List.of()),
            new User("leader-drugs", List.of("task-force-leader"), null, null, List.of("DRUGS")),
            new User("leader-terrorism", List.of("task-force-leader"), null, null, List.of("TERRORISM")),
            new User("wall", List.of("wall"), null, null, List.of()),
            new User("analyst", List.of("analyst"), null, null, List.of()),
            new User("admin", List.of("admin"), null, null, List.of()));

    /** The two liaison desks of the one-command run; each client's secret is its id with "-secret". */
    public static final List<Desk> DESKS = List.of(
            new Desk("desk-ro-police", "desk-ro-police-secret", "RO", "POLICE"),
            new Desk("desk-bg-customs", "desk-bg-customs-secret", "BG", "CUSTOMS"));

    public static final String CLIENT_ID = "exchange-pulse";
    /** The service's default audience (EXCHANGEPULSE_OIDC_AUDIENCE), whose client roles the service reads. */
    public static final String AUDIENCE = "exchange-pulse";
    /** The role a user needs for an offline session, as the realm grants it to the wall alone. */
    static final String OFFLINE_ROLE = "wall";
    private static final String BACK_CHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final Duration ACCESS = Duration.ofMinutes(5);
    private static final Duration REFRESH = Duration.ofMinutes(30);
    private static final Duration OFFLINE = Duration.ofDays(30);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final KeyPair keys;
    private final String kid;
    private final Map<String, PendingSignIn> codes = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final List<String> backChannelLogoutUrls = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A sign-in at this provider: who, and when they authenticated. */
    private record Session(User user, long authTime) {
    }

    private record PendingSignIn(User user, String sid, String nonce, String codeChallenge, boolean offline) {
    }

    private EmbeddedIssuer(HttpServer server, KeyPair keys) {
        this.server = server;
        this.keys = keys;
        this.kid = Integer.toHexString(keys.getPublic().hashCode());
    }

    /**
     * {@code port} 0, or a port already taken, picks a free one (see {@link #url()}); {@code keyFile}, if not
     * null, keeps the signing key across restarts.
     */
    public static EmbeddedIssuer start(int port, Path keyFile) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException taken) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        EmbeddedIssuer issuer = new EmbeddedIssuer(server, keys(keyFile));
        server.createContext("/.well-known/openid-configuration", issuer::discovery);
        server.createContext("/jwks", issuer::jwks);
        server.createContext("/token", issuer::token);
        server.createContext("/authorize", issuer::authorize);
        server.createContext("/logout", issuer::logout);
        server.start();
        return issuer;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public static Optional<User> user(String name) {
        return USERS.stream().filter(user -> user.name().equals(name)).findFirst();
    }

    public static Optional<Desk> desk(String clientId) {
        return DESKS.stream().filter(desk -> desk.clientId().equals(clientId)).findFirst();
    }

    /** Where a relying party (the service) wants to hear of sessions ended here, as Keycloak's client setting does. */
    public void addBackChannelLogout(String url) {
        backChannelLogoutUrls.add(url);
    }

    public void removeBackChannelLogout(String url) {
        backChannelLogoutUrls.remove(url);
    }

    /**
     * Ends every session of {@code user} here, as an administrator does at the provider, and tells each relying
     * party by a logout token (OpenID Connect Back-Channel Logout); returns how many sessions ended.
     */
    public int endSessions(String user) {
        List<String> sids = sessions.entrySet().stream().filter(e -> e.getValue().user().name().equals(user))
                .map(Map.Entry::getKey).toList();
        sids.forEach(this::end);
        return sids.size();
    }

    private void end(String sid) {
        Session session = sessions.remove(sid);
        ended.add(sid);
        if (session == null) {
            return;
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", url());
        claims.put("aud", CLIENT_ID);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plus(Duration.ofMinutes(2)).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("sub", session.user().name());
        claims.put("sid", sid);
        claims.put("typ", "Logout");
        claims.put("events", Map.of(BACK_CHANNEL_EVENT, Map.of()));
        String form = "logout_token=" + sign(claims);
        for (String target : backChannelLogoutUrls) {
            try {
                client.send(HttpRequest.newBuilder(URI.create(target))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // A relying party that is away hears nothing, as with any provider; its sessions end at their expiry.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** An access token for {@code user}, valid for {@code lifetime}, with the service's audience. */
    public String accessToken(User user, Duration lifetime) {
        return accessToken(user, lifetime, url(), AUDIENCE);
    }

    /** The same from another issuer or for another audience, as a token the service must refuse. */
    public String accessToken(User user, Duration lifetime, String issuer, String tokenAudience) {
        return sign(access(user.name(), user.roles(), user.party(), user.agency(), user.taskForces(), CLIENT_ID, null,
                lifetime, issuer, tokenAudience));
    }

    /** The same with claims changed or added (a {@code groups} claim, another client's roles), as a forger would wish. */
    public String accessToken(User user, Duration lifetime, Map<String, Object> changedClaims) {
        Map<String, Object> claims = access(user.name(), user.roles(), user.party(), user.agency(), user.taskForces(), CLIENT_ID,
                null, lifetime, url(), AUDIENCE);
        claims.putAll(changedClaims);
        return sign(claims);
    }

    /** What the client-credentials grant gives {@code desk}: an access token of its service account. */
    public String deskToken(Desk desk) {
        return sign(deskClaims(desk));
    }

    /** An ID token of {@code user}, as a browser sign-in gets it: never a credential for the API. */
    public String idToken(User user) {
        return sign(id(user, UUID.randomUUID().toString(), Instant.now().getEpochSecond(), null));
    }

    private Map<String, Object> deskClaims(Desk desk) {
        return access("service-account-" + desk.clientId(), List.of("liaison"), desk.party(), desk.agency(), List.of(),
                desk.clientId(), null, ACCESS, url(), AUDIENCE);
    }

    private Map<String, Object> access(String subject, List<String> roles, String party, String agency, List<String> taskForces,
                                       String authorizedParty, String sid, Duration lifetime, String issuer, String audience) {
        Map<String, Object> claims = common(subject, authorizedParty, lifetime, issuer);
        claims.put("typ", "Bearer");
        claims.put("aud", List.of(audience));
        claims.put("resource_access", Map.of(AUDIENCE, Map.of("roles", roles)));
        if (sid != null) {
            claims.put("sid", sid);
        }
        if (party != null) {
            claims.put("party", party);
            claims.put("agency", agency);
        }
        if (!taskForces.isEmpty()) {
            claims.put("task_forces", taskForces);
        }
        return claims;
    }

    private Map<String, Object> id(User user, String sid, long authTime, String nonce) {
        Map<String, Object> claims = common(user.name(), CLIENT_ID, ACCESS, url());
        claims.put("typ", "ID");
        claims.put("aud", CLIENT_ID);
        claims.put("sid", sid);
        claims.put("auth_time", authTime);
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        if (user.party() != null) {
            claims.put("party", user.party());
            claims.put("agency", user.agency());
        }
        if (!user.taskForces().isEmpty()) {
            claims.put("task_forces", user.taskForces());
        }
        return claims;
    }

    private static Map<String, Object> common(String subject, String authorizedParty, Duration lifetime, String issuer) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("preferred_username", subject);
        claims.put("azp", authorizedParty);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String url = url();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", url);
        document.put("authorization_endpoint", url + "/authorize");
        document.put("token_endpoint", url + "/token");
        document.put("jwks_uri", url + "/jwks");
        document.put("end_session_endpoint", url + "/logout");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("backchannel_logout_supported", true);
        document.put("backchannel_logout_session_supported", true);
        document.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials", "password"));
        respond(exchange, 200, "application/json", json(document));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        respond(exchange, 200, "application/json", json(Map.of("keys", List.of(Map.of(
                "kty", "RSA", "use", "sig", "alg", "RS256", "kid", kid,
                "n", URL.encodeToString(unsigned(key.getModulus())),
                "e", URL.encodeToString(unsigned(key.getPublicExponent())))))));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        switch (form.getOrDefault("grant_type", "")) {
            case "client_credentials" -> clientCredentials(exchange, form);
            case "password" -> {
                Optional<User> user = user(form.getOrDefault("username", "")).filter(u -> u.name().equals(form.get("password")));
                if (user.isEmpty()) {
                    error(exchange, "invalid_grant", "Invalid user credentials");
                    return;
                }
                String sid = UUID.randomUUID().toString();
                long authTime = Instant.now().getEpochSecond();
                sessions.put(sid, new Session(user.get(), authTime));
                issue(exchange, user.get(), sid, authTime, null, false);
            }
            case "authorization_code" -> {
                PendingSignIn signIn = codes.remove(form.getOrDefault("code", ""));
                if (signIn == null) {
                    error(exchange, "invalid_grant", "Code not valid");
                } else if (!signIn.codeChallenge().equals(challengeOf(form.getOrDefault("code_verifier", "")))) {
                    error(exchange, "invalid_grant", "PKCE verification failed: code verifier does not match the challenge");
                } else if (signIn.offline() && !signIn.user().roles().contains(OFFLINE_ROLE)) {
                    error(exchange, "not_allowed", "Offline tokens not allowed for the user or client");
                } else {
                    Session session = sessions.get(signIn.sid());
                    issue(exchange, signIn.user(), signIn.sid(), session == null ? Instant.now().getEpochSecond() : session.authTime(),
                            signIn.nonce(), signIn.offline());
                }
            }
            case "refresh_token" -> refresh(exchange, form.getOrDefault("refresh_token", ""));
            default -> error(exchange, "unsupported_grant_type", "Unsupported grant_type");
        }
    }

    private void clientCredentials(HttpExchange exchange, Map<String, String> form) throws IOException {
        String[] basic = basicCredentials(exchange);
        String clientId = basic != null ? basic[0] : form.getOrDefault("client_id", "");
        String secret = basic != null ? basic[1] : form.getOrDefault("client_secret", "");
        Optional<Desk> desk = desk(clientId).filter(d -> d.secret().equals(secret));
        if (desk.isEmpty()) {
            respond(exchange, 401, "application/json", json(Map.of("error", "unauthorized_client",
                    "error_description", "Invalid client or Invalid client credentials")));
            return;
        }
        respond(exchange, 200, "application/json", json(Map.of("access_token", deskToken(desk.get()), "token_type", "Bearer",
                "expires_in", ACCESS.toSeconds())));
    }

    private void issue(HttpExchange exchange, User user, String sid, long authTime, String nonce, boolean offline) throws IOException {
        Map<String, Object> refresh = new LinkedHashMap<>();
        refresh.put("iss", url());
        refresh.put("aud", url());
        refresh.put("sub", user.name());
        refresh.put("typ", offline ? "Offline" : "Refresh");
        refresh.put("sid", sid);
        refresh.put("auth_time", authTime);
        refresh.put("exp", Instant.now().plus(offline ? OFFLINE : REFRESH).getEpochSecond());
        respond(exchange, 200, "application/json", json(Map.of(
                "access_token", sign(access(user.name(), user.roles(), user.party(), user.agency(), user.taskForces(), CLIENT_ID,
                        sid, ACCESS, url(), AUDIENCE)),
                "id_token", sign(id(user, sid, authTime, nonce)),
                "refresh_token", sign(refresh),
                "token_type", "Bearer",
                "expires_in", ACCESS.toSeconds())));
    }

    /**
     * A refresh token is one this issuer signed and that has not expired, of a session that still lives here;
     * an offline token needs no session here (it outlives the provider's restarts, as Keycloak's do), only
     * one not ended.
     */
    private void refresh(HttpExchange exchange, String token) throws IOException {
        Optional<JsonNode> payload = verified(token);
        if (payload.isEmpty() || Instant.now().getEpochSecond() >= payload.get().path("exp").asLong()) {
            error(exchange, "invalid_grant", "Invalid refresh token");
            return;
        }
        String sid = payload.get().path("sid").asText();
        boolean offline = "Offline".equals(payload.get().path("typ").asText());
        Optional<User> user = user(payload.get().path("sub").asText());
        boolean alive = offline ? !ended.contains(sid) : sessions.containsKey(sid);
        if (user.isEmpty() || !alive) {
            error(exchange, "invalid_grant", "Session not active");
            return;
        }
        issue(exchange, user.get(), sid, payload.get().path("auth_time").asLong(), null, offline);
    }

    private Optional<JsonNode> verified(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(keys.getPublic());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])));
        } catch (GeneralSecurityException | IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The sign-in page: a button per user; choosing one sends the browser back with a code for them. PKCE is
     * required (S256), and {@code offline_access} among the scopes asks for an offline session.
     */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(exchange.getRequestMethod().equals("POST")
                ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        if (params.get("redirect_uri") == null) {
            respond(exchange, 400, "text/plain", "redirect_uri is missing");
            return;
        }
        if (params.get("code_challenge") == null || !"S256".equals(params.get("code_challenge_method"))) {
            respond(exchange, 400, "text/plain", "Missing parameter: code_challenge_method (PKCE with S256 is required)");
            return;
        }
        String chosen = params.getOrDefault("user", params.get("login_hint"));
        Optional<User> user = chosen == null ? Optional.empty() : user(chosen);
        if (user.isPresent()) {
            String sid = UUID.randomUUID().toString();
            sessions.put(sid, new Session(user.get(), Instant.now().getEpochSecond()));
            String code = UUID.randomUUID().toString();
            boolean offline = Arrays.asList(params.getOrDefault("scope", "").split(" ")).contains("offline_access");
            codes.put(code, new PendingSignIn(user.get(), sid, params.get("nonce"), params.get("code_challenge"), offline));
            String back = params.get("redirect_uri") + (params.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                    + (params.containsKey("state") ? "&state=" + URLEncoder.encode(params.get("state"), StandardCharsets.UTF_8) : "");
            exchange.getResponseHeaders().add("Location", back);
            respond(exchange, 302, "text/plain", "");
            return;
        }
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>Sign in · "
                + "Exchange Pulse (development)</title><style>body{font:1.1rem system-ui;background:#0b1220;color:#e8e8e8;"
                + "max-width:40rem;margin:4rem auto}button{display:block;width:100%;margin:.5rem 0;padding:.8rem;font:inherit;"
                + "text-align:left;background:#16223a;color:inherit;border:1px solid #334;cursor:pointer}</style></head><body>"
                + "<h1>Sign in</h1><p>The one-command run's own identity provider: choose who you are.</p>"
                + "<form method=\"post\" action=\"/authorize\">");
        params.forEach((name, value) -> page.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        for (User each : USERS) {
            page.append("<button name=\"user\" value=\"").append(each.name()).append("\" data-user=\"").append(each.name())
                    .append("\">").append(each.name()).append(" · ").append(String.join(", ", each.roles()))
                    .append(each.party() == null ? "" : " · " + each.party())
                    .append(each.taskForces().isEmpty() ? "" : " · " + String.join(", ", each.taskForces()))
                    .append("</button>");
        }
        respond(exchange, 200, "text/html; charset=utf-8", page.append("</form></body></html>").toString());
    }

    /** RP-initiated logout: the session named by the ID token hint ends here, and every relying party hears of it. */
    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        Optional.ofNullable(params.get("id_token_hint")).flatMap(this::verified)
                .map(hint -> hint.path("sid").asText()).filter(sid -> !sid.isEmpty()).ifPresent(this::end);
        String back = params.get("post_logout_redirect_uri");
        if (back != null) {
            exchange.getResponseHeaders().add("Location", back);
            respond(exchange, 302, "text/plain", "");
        } else {
            respond(exchange, 200, "text/plain", "signed out");
        }
    }

    private static String challengeOf(String verifier) {
        try {
            return URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] basicCredentials(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private String sign(Map<String, Object> claims) {
        String header = URL.encodeToString(json(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)).getBytes(StandardCharsets.UTF_8));
        String payload = URL.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys(Path keyFile) throws IOException {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            if (keyFile != null && Files.exists(keyFile)) {
                PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
                var crt = (RSAPrivateCrtKey) privateKey;
                return new KeyPair(factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())), privateKey);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            if (keyFile != null) {
                Files.createDirectories(keyFile.getParent());
                Files.write(keyFile, pair.getPrivate().getEncoded());
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the issuer's key", e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static void error(HttpExchange exchange, String error, String description) throws IOException {
        respond(exchange, 400, "application/json", json(Map.of("error", error, "error_description", description)));
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, status == 302 ? -1 : bytes.length);
        if (status != 302) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
