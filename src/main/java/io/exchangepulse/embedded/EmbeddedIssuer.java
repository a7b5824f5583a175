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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;

/**
 * A real OpenID Connect provider in this JVM, for the one-command run and the tests: discovery, a JSON Web
 * Key Set, RS256-signed tokens for a fixed set of users (one per role of the service), the password,
 * authorization-code and refresh-token grants, and a sign-in page that lists the users.
 * The service checks its tokens exactly as it checks a production provider's (discovery, keys, issuer,
 * audience, expiry). Its key lives in a file, when given one, so that sessions outlive a restart.
 */
public final class EmbeddedIssuer implements AutoCloseable {

    /** Someone the issuer signs tokens for: their roles ({@code groups}) and the claims the service reads. */
    public record User(String name, List<String> groups, String party, String agency, List<String> taskForces) {
    }

    /** The dev and test users, one per role (README, "Identity and access"); each signs in with their name as password. */
    public static final List<User> USERS = List.of(
            new User("liaison-ro", List.of("liaison"), "RO", "POLICE", List.of()),
            new User("liaison-bg", List.of("liaison"), "BG", "CUSTOMS", List.of()),
            new User("leader-drugs", List.of("task-force-leader"), null, null, List.of("DRUGS")),
            new User("leader-terrorism", List.of("task-force-leader"), null, null, List.of("TERRORISM")),
            new User("wall", List.of("wall"), null, null, List.of()),
            new User("analyst", List.of("analyst"), null, null, List.of()),
            new User("admin", List.of("admin"), null, null, List.of()));

    public static final String CLIENT_ID = "exchange-pulse";
    /** The service's default audience (EXCHANGEPULSE_OIDC_AUDIENCE). */
    public static final String AUDIENCE = "exchange-pulse";
    private static final Duration ACCESS = Duration.ofMinutes(5);
    private static final Duration REFRESH = Duration.ofDays(30);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final KeyPair keys;
    private final String kid;
    private final Map<String, PendingSignIn> codes = new ConcurrentHashMap<>();

    private record PendingSignIn(User user, String nonce) {
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

    /** An access token for {@code user}, valid for {@code lifetime}, with the service's audience. */
    public String accessToken(User user, Duration lifetime) {
        return accessToken(user, lifetime, url(), AUDIENCE);
    }

    /** The same from another issuer or for another audience, as a token the service must refuse. */
    public String accessToken(User user, Duration lifetime, String issuer, String tokenAudience) {
        Map<String, Object> claims = claims(user, lifetime, issuer);
        claims.put("aud", List.of(tokenAudience));
        claims.put("typ", "Bearer");
        return sign(claims);
    }

    private Map<String, Object> claims(User user, Duration lifetime, String issuer) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", user.name());
        claims.put("preferred_username", user.name());
        claims.put("azp", CLIENT_ID);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("groups", user.groups());
        if (user.party() != null) {
            claims.put("party", user.party());
            claims.put("agency", user.agency());
        }
        if (!user.taskForces().isEmpty()) {
            claims.put("task_forces", user.taskForces());
        }
        return claims;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String url = url();
        respond(exchange, 200, "application/json", json(Map.of(
                "issuer", url,
                "authorization_endpoint", url + "/authorize",
                "token_endpoint", url + "/token",
                "jwks_uri", url + "/jwks",
                "end_session_endpoint", url + "/logout",
                "response_types_supported", List.of("code"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "grant_types_supported", List.of("authorization_code", "refresh_token", "password"))));
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
        Optional<User> user;
        String nonce = null;
        switch (form.getOrDefault("grant_type", "")) {
            case "password" -> user = user(form.getOrDefault("username", "")).filter(u -> u.name().equals(form.get("password")));
            case "authorization_code" -> {
                PendingSignIn signIn = codes.remove(form.getOrDefault("code", ""));
                user = Optional.ofNullable(signIn).map(PendingSignIn::user);
                nonce = signIn == null ? null : signIn.nonce();
            }
            case "refresh_token" -> user = refreshed(form.getOrDefault("refresh_token", ""));
            default -> user = Optional.empty();
        }
        if (user.isEmpty()) {
            respond(exchange, 400, "application/json", json(Map.of("error", "invalid_grant")));
            return;
        }
        Map<String, Object> id = claims(user.get(), ACCESS, url());
        id.put("aud", CLIENT_ID);
        if (nonce != null) {
            id.put("nonce", nonce);
        }
        Map<String, Object> refresh = new LinkedHashMap<>();
        refresh.put("iss", url());
        refresh.put("sub", user.get().name());
        refresh.put("typ", "Refresh");
        refresh.put("exp", Instant.now().plus(REFRESH).getEpochSecond());
        respond(exchange, 200, "application/json", json(Map.of(
                "access_token", accessToken(user.get(), ACCESS),
                "id_token", sign(id),
                "refresh_token", sign(refresh),
                "token_type", "Bearer",
                "expires_in", ACCESS.toSeconds())));
    }

    /** A refresh token is one this issuer signed (with the same key: it outlives a restart) and that has not expired. */
    private Optional<User> refreshed(String token) {
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
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return Instant.now().getEpochSecond() < payload.path("exp").asLong() ? user(payload.path("sub").asText())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The sign-in page: a button per user; choosing one sends the browser back with a code for them. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(exchange.getRequestMethod().equals("POST")
                ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        String chosen = params.getOrDefault("user", params.get("login_hint"));
        Optional<User> user = chosen == null ? Optional.empty() : user(chosen);
        if (params.get("redirect_uri") == null) {
            respond(exchange, 400, "text/plain", "redirect_uri is missing");
            return;
        }
        if (user.isPresent()) {
            String code = UUID.randomUUID().toString();
            codes.put(code, new PendingSignIn(user.get(), params.get("nonce")));
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
                    .append("\">").append(each.name()).append(" · ").append(String.join(", ", each.groups()))
                    .append(each.party() == null ? "" : " · " + each.party())
                    .append(each.taskForces().isEmpty() ? "" : " · " + String.join(", ", each.taskForces()))
                    .append("</button>");
        }
        respond(exchange, 200, "text/html; charset=utf-8", page.append("</form></body></html>").toString());
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        String back = params.get("post_logout_redirect_uri");
        if (back != null) {
            exchange.getResponseHeaders().add("Location", back);
            respond(exchange, 302, "text/plain", "");
        } else {
            respond(exchange, 200, "text/plain", "signed out");
        }
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
