package io.exchangepulse.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.embedded.EmbeddedIssuer;
import io.exchangepulse.support.Callers;
import io.exchangepulse.support.CodeFlowClient;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.SuiteClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The security review, tried as an attacker would against the packaged service, with real tokens signed by
 * the suite's provider and real browser sign-ins (the authorization-code flow over HTTP, {@link CodeFlowClient}):
 * writes only by bearer, sessions that end for every copy of their cookie, roles nobody grants by accident,
 * desks that speak only for themselves (src/docs/security.md).
 */
class SecurityReviewIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static ServiceProcess service;
    static String backChannel;

    @BeforeAll
    static void start() throws Exception {
        PulseServices.startOnce();
        // Logs as on the cluster: JSON, where the audit trail's lines carry their fields.
        service = ServiceProcess.start("security-review", Map.of("EXCHANGEPULSE_LOG_JSON", "true")).awaitReady(PackagedServiceIT.START);
        backChannel = service.url().resolve("/back-channel-logout").toString();
        PulseServices.issuer().addBackChannelLogout(backChannel);
    }

    @AfterAll
    static void stop() throws Exception {
        PulseServices.issuer().removeBackChannelLogout(backChannel);
        service.close();
    }

    // --- 1. The browser session only reads ---

    @Test
    void aSignedInAdministratorsSessionCannotSendEvenWithoutAContentType() throws Exception {
        CodeFlowClient admin = CodeFlowClient.signIn(service.url(), "/", "admin");
        assertThat(admin.get("/api/v1/totals/yearly").statusCode()).isEqualTo(200);

        for (String type : new String[] {null, "application/json", "text/plain"}) {
            HttpRequest.Builder forged = HttpRequest.newBuilder(service.url().resolve("/api/v1/exchanges"))
                    .POST(HttpRequest.BodyPublishers.ofString(json(List.of(valid(SuiteClock.now())))));
            if (type != null) {
                forged.header("Content-Type", type);
            }
            HttpResponse<String> answer = admin.send(forged);
            assertThat(answer.statusCode()).as("a session's POST with %s", type).isEqualTo(403);
            assertThat(problemType(answer)).endsWith("session-cannot-write");
        }
        HttpResponse<String> event = admin.send(HttpRequest.newBuilder(service.url().resolve("/api/v1/operations/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(event.statusCode()).isEqualTo(403);
        HttpResponse<String> archive = admin.send(HttpRequest.newBuilder(service.url().resolve("/api/v1/archive/2005"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(archive.statusCode()).isEqualTo(403);
    }

    @Test
    void theSessionCookieIsStrictHttpOnlyAndNamesOnlyAServerSideSession() throws Exception {
        HttpResponse<String> toProvider = HTTP.send(HttpRequest.newBuilder(service.url()).GET().build(), HttpResponse.BodyHandlers.ofString());
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).as("PKCE").contains("code_challenge=").contains("code_challenge_method=S256");
        assertThat(authorize).as("a person's session is not offline").doesNotContain("offline_access");

        CodeFlowClient analyst = CodeFlowClient.signIn(service.url(), "/", "analyst");
        HttpCookie session = analyst.sessionCookie().orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
        // 32 random bytes, nothing else: no token, nothing to decrypt.
        assertThat(Base64.getUrlDecoder().decode(session.getValue())).hasSize(32);
        assertThat(session.getMaxAge()).as("idle for 30 minutes past its tokens, then gone").isBetween(1_800L, 2_400L);
        assertThat(analyst.signedIn().headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("q_session_web=").containsIgnoringCase("SameSite=Strict").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void aRequestWithoutTheRightContentTypeIs415BeforeItsBodyIsRead() throws Exception {
        assertThat(send(bearer("admin").POST(HttpRequest.BodyPublishers.ofString("[]"))).statusCode()).isEqualTo(415);
        assertThat(send(bearer("admin").header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("[]"))).statusCode())
                .isEqualTo(415);
        // Even anonymous: nothing of the body is read to say so.
        assertThat(send(HttpRequest.newBuilder(service.url().resolve("/api/v1/exchanges"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<x/>"))).statusCode()).isEqualTo(415);
    }

    @Test
    void aWriteFromAnotherSiteIsRefusedEvenWithABearerToken() throws Exception {
        String body = json(List.of(valid(SuiteClock.now())));
        for (Map.Entry<String, String> header : Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "same-site").entrySet()) {
            HttpResponse<String> answer = send(bearer("admin").header("Content-Type", "application/json").header(header.getKey(), header.getValue())
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(answer.statusCode()).as(header.toString()).isEqualTo(403);
            assertThat(problemType(answer)).endsWith("cross-site");
        }
        HttpResponse<String> ownPage = send(bearer("admin").header("Content-Type", "application/json")
                .header("Origin", "http://localhost:" + service.port()).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(ownPage.statusCode()).isEqualTo(202);
    }

    @Test
    void thePagesCarryTheBrowserHardeningHeaders() throws Exception {
        HttpResponse<String> api = send(HttpRequest.newBuilder(service.url().resolve("/api/v1/contract"))
                .header("Authorization", Callers.bearer("wall")).GET());
        assertThat(api.statusCode()).isEqualTo(200);
        String policy = api.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'self'", "object-src 'none'")
                .contains("connect-src 'self' " + PulseServices.issuer().url());
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(api.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(api.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> page = send(HttpRequest.newBuilder(service.url().resolve("/app/main.js")).GET());
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
    }

    // --- 2. Sessions that end ---

    @Test
    void aCopyOfTheCookieStopsReadingWhenItsPersonSignsOut() throws Exception {
        CodeFlowClient leader = CodeFlowClient.signIn(service.url(), "/", "leader-drugs");
        CodeFlowClient thief = CodeFlowClient.withCookie(service.url(), leader.sessionCookie().orElseThrow());
        assertThat(thief.get("/api/v1/crime-areas").statusCode()).isEqualTo(200);

        HttpResponse<String> signOut = leader.send(HttpRequest.newBuilder(service.url().resolve("/logout")).GET());
        assertThat(signOut.headers().firstValue("Location").orElseThrow()).startsWith(PulseServices.issuer().url() + "/logout");

        assertThat(thief.get("/api/v1/crime-areas").statusCode()).as("the copy, after signing out").isNotEqualTo(200);
    }

    @Test
    void aCopyOfTheCookieStopsReadingWhenAnAdministratorEndsTheSessionAtTheProvider() throws Exception {
        CodeFlowClient leader = CodeFlowClient.signIn(service.url(), "/", "leader-terrorism");
        CodeFlowClient thief = CodeFlowClient.withCookie(service.url(), leader.sessionCookie().orElseThrow());
        assertThat(thief.get("/api/v1/crime-areas").statusCode()).isEqualTo(200);

        assertThat(PulseServices.issuer().endSessions("leader-terrorism")).isPositive();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(thief.get("/api/v1/crime-areas").statusCode()).as("the copy").isNotEqualTo(200);
            assertThat(leader.get("/api/v1/crime-areas").statusCode()).as("the original").isNotEqualTo(200);
        });
    }

    @Test
    void aForgedLogoutTokenEndsNothing() throws Exception {
        CodeFlowClient wall = CodeFlowClient.signIn(service.url(), "/", "wall");
        String forged;
        try (EmbeddedIssuer impostor = EmbeddedIssuer.start(0, null)) {
            forged = impostor.idToken(EmbeddedIssuer.user("wall").orElseThrow());
        }
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(backChannel))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + forged)));
        assertThat(answer.statusCode()).isEqualTo(400);
        // A token of the right provider that is no logout token (an access token) ends nothing either.
        HttpResponse<String> notALogout = send(HttpRequest.newBuilder(URI.create(backChannel))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + Callers.token("wall"))));
        assertThat(notALogout.statusCode()).isEqualTo(400);
        assertThat(wall.get("/api/v1/totals/yearly").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheWallKeepsALongKioskSession() throws Exception {
        CodeFlowClient wall = CodeFlowClient.signIn(service.url(), "/kiosk", "wall");
        HttpCookie kiosk = wall.sessionCookie().orElseThrow();
        assertThat(kiosk.getName()).isEqualTo("q_session_kiosk");
        assertThat(kiosk.getMaxAge()).as("renewed for 30 days of idleness").isGreaterThan(Duration.ofDays(29).toSeconds());
        assertThat(wall.get("/api/v1/totals/yearly").statusCode()).isEqualTo(200);

        // The provider gives no one else an offline token; the service refuses the sign-in.
        assertThatThrownBy(() -> CodeFlowClient.signIn(service.url(), "/kiosk", "analyst")).hasMessageContaining("refused");
    }

    @Test
    void anAdministratorsSessionEndsAtItsShorterLimitAndTheNextSignInAuthenticatesAfresh() throws Exception {
        try (ServiceProcess strict = ServiceProcess.start("session-limits", Map.of("EXCHANGEPULSE_ADMIN_SESSION_MAX_AGE", "PT2S"))
                .awaitReady(PackagedServiceIT.START)) {
            CodeFlowClient admin = CodeFlowClient.signIn(strict.url(), "/", "admin");
            CodeFlowClient thief = CodeFlowClient.withCookie(strict.url(), admin.sessionCookie().orElseThrow());
            CodeFlowClient analyst = CodeFlowClient.signIn(strict.url(), "/", "analyst");
            assertThat(admin.get("/api/v1/totals/yearly").statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                HttpResponse<String> ended = admin.get("/api/v1/totals/yearly");
                assertThat(ended.statusCode()).isEqualTo(401);
                assertThat(problemType(ended)).endsWith("session-ended");
            });
            assertThat(thief.get("/api/v1/totals/yearly").statusCode()).as("every copy ended").isNotEqualTo(200);
            assertThat(analyst.get("/api/v1/totals/yearly").statusCode()).as("a person's 12 hours").isEqualTo(200);

            HttpResponse<String> page = admin.send(HttpRequest.newBuilder(strict.url()).header("Accept", "text/html").GET());
            assertThat(page.headers().firstValue("Location").orElseThrow()).as("the provider must authenticate again")
                    .startsWith(PulseServices.issuer().url() + "/authorize").contains("prompt=login");
        }
    }

    @Test
    void thePackagedServiceRefusesToStartWithoutItsSecretsInOneLine() throws Exception {
        Map<String, String> missing = Map.of("EXCHANGEPULSE_SESSION_SECRET", "", "EXCHANGEPULSE_OIDC_CLIENT_SECRET", "");
        for (Map.Entry<String, String> unset : missing.entrySet()) {
            try (ServiceProcess refused = ServiceProcess.start("no-" + unset.getKey().toLowerCase(), Map.of(unset.getKey(), unset.getValue()))) {
                assertThat(refused.awaitExit(PackagedServiceIT.START)).isEqualTo(1);
                assertThat(refused.output().lines().filter(line -> line.contains("ERROR")))
                        .singleElement().asString().contains(unset.getKey() + " is not set");
            }
        }
        try (ServiceProcess shared = ServiceProcess.start("shared-secret", Map.of("EXCHANGEPULSE_SESSION_SECRET", ServiceProcess.CLIENT_SECRET))) {
            assertThat(shared.awaitExit(PackagedServiceIT.START)).isEqualTo(1);
            assertThat(shared.output()).contains("EXCHANGEPULSE_SESSION_SECRET is the client secret");
        }
    }

    // --- 3. Roles nobody grants by accident ---

    @Test
    void anIdTokenIsNoCredential() throws Exception {
        String idToken = PulseServices.issuer().idToken(EmbeddedIssuer.user("admin").orElseThrow());
        HttpResponse<String> answer = send(HttpRequest.newBuilder(service.url().resolve("/api/v1/totals/yearly"))
                .header("Authorization", "Bearer " + idToken).GET());
        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void aGroupCalledAdminOrAnotherClientsRoleGrantsNothing() throws Exception {
        EmbeddedIssuer.User nobody = new EmbeddedIssuer.User("it-staff", List.of(), null, null, List.of());
        for (Map<String, Object> claims : List.<Map<String, Object>>of(
                Map.of("groups", List.of("admin", "/it/admin")),
                Map.of("realm_access", Map.of("roles", List.of("admin"))),
                Map.of("resource_access", Map.of("another-app", Map.of("roles", List.of("admin")))))) {
            String token = PulseServices.issuer().accessToken(nobody, Duration.ofMinutes(5), claims);
            HttpResponse<String> read = send(HttpRequest.newBuilder(service.url().resolve("/api/v1/totals/yearly"))
                    .header("Authorization", "Bearer " + token).GET());
            assertThat(read.statusCode()).as("%s", claims).isEqualTo(403);
            HttpResponse<String> write = send(HttpRequest.newBuilder(service.url().resolve("/api/v1/exchanges"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(List.of(valid(SuiteClock.now()))))));
            assertThat(write.statusCode()).as("%s", claims).isEqualTo(403);
        }
    }

    // --- 4. Liaison desks as a center runs them ---

    @Test
    void aDeskSendsWithItsOwnClientCredentialsAndOnlyAsItsOwnParty() throws Exception {
        String token = deskToken("desk-ro-police", "desk-ro-police-secret");
        HttpResponse<String> own = send(HttpRequest.newBuilder(service.url().resolve("/api/v1/exchanges"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(List.of(valid(SuiteClock.now()))))));
        assertThat(own.statusCode()).isEqualTo(202);
        HttpResponse<String> other = send(HttpRequest.newBuilder(service.url().resolve("/api/v1/exchanges"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(List.of(with(with(valid(SuiteClock.now()), "from", "BG"), "to", "RO"))))));
        assertThat(other.statusCode()).isEqualTo(403);
        HttpResponse<String> read = send(HttpRequest.newBuilder(service.url().resolve("/api/v1/totals/yearly"))
                .header("Authorization", "Bearer " + token).GET());
        assertThat(read.statusCode()).as("a desk only sends").isEqualTo(403);
        assertThatThrownBy(() -> deskToken("desk-ro-police", "desk-bg-customs-secret")).hasMessageContaining("401");
    }

    // --- 7. Who saw what ---

    @Test
    void everyWriteAndEveryReadIsInTheAuditTrailAndItsJsonLogLinesWithoutACredential() throws Exception {
        String marker = "audited-" + UUID.randomUUID();
        CodeFlowClient analyst = CodeFlowClient.signIn(service.url(), "/", "analyst");
        assertThat(analyst.get("/api/v1/flows?marker=" + marker).statusCode()).isEqualTo(200);
        String desk = deskToken("desk-ro-police", "desk-ro-police-secret");
        assertThat(send(HttpRequest.newBuilder(service.url().resolve("/api/v1/exchanges?marker=" + marker))
                .header("Authorization", "Bearer " + desk).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(List.of(valid(SuiteClock.now())))))).statusCode()).isEqualTo(202);
        assertThat(analyst.send(HttpRequest.newBuilder(service.url().resolve("/api/v1/exchanges?marker=" + marker))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]"))).statusCode()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<String> entries = new ArrayList<>();
            for (String who : List.of("analyst", "service-account-desk-ro-police")) {
                HttpResponse<String> trail = send(HttpRequest.newBuilder(service.url().resolve("/api/v1/audit?limit=500&who=" + who))
                        .header("Authorization", Callers.bearer("admin")).GET());
                assertThat(trail.statusCode()).isEqualTo(200);
                assertThat(trail.body()).doesNotContain("eyJ");
                JSON.readTree(trail.body()).path("events").forEach(e -> entries.add(e.path("who").asText() + " " + e.path("via").asText()
                        + " " + e.path("action").asText() + " " + e.path("status").asInt() + " " + e.path("party").asText("-")
                        + " " + e.path("detail").asText("-") + (e.path("target").asText().contains(marker) ? " marked" : "")
                        + (e.path("source").asText().isEmpty() ? " from nowhere" : "")));
            }
            assertThat(entries).contains(
                    "analyst session SIGN_IN 200 - -",
                    "analyst session READ 200 - - marked",
                    "service-account-desk-ro-police bearer SEND_EXCHANGES 202 RO 1 accepted marked",
                    "analyst session SEND_EXCHANGES 403 - - marked");
        });
        List<JsonNode> lines = new ArrayList<>();
        for (String line : service.output().lines().filter(l -> l.startsWith("{") && l.contains(marker)).toList()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("loggerName").asText()).isEqualTo("io.exchangepulse.audit");
            assertThat(line.at("/mdc/audit.action").asText()).isEqualTo("SEND_EXCHANGES");
            assertThat(line.at("/mdc/audit.who").asText()).isEqualTo("service-account-desk-ro-police");
            assertThat(line.at("/mdc/audit.status").asText()).isEqualTo("202");
        });
    }

    // --- Helpers ---

    /** The client-credentials grant, as a desk's system asks the provider for a token. */
    static String deskToken(String clientId, String secret) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(PulseServices.issuer().url() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the provider answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private static HttpRequest.Builder bearer(String user) {
        return HttpRequest.newBuilder(service.url().resolve("/api/v1/exchanges")).header("Authorization", Callers.bearer(user));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String problemType(HttpResponse<String> answer) throws IOException {
        JsonNode problem = JSON.readTree(answer.body());
        return problem.path("type").asText();
    }

    static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }
}
