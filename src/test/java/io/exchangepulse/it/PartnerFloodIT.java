package io.exchangepulse.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.embedded.EmbeddedIssuer;
import io.exchangepulse.support.Callers;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.SuiteClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.exchangepulse.it.SecurityReviewIT.deskToken;
import static io.exchangepulse.it.SecurityReviewIT.json;
import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One partner cannot take the center down (src/docs/security.md), tried against the packaged service at the
 * container's heap: quotas per party, a bounded operations board, bodies read as they stream in, and live
 * connections capped per caller. Each attack ends with the service ready and another party served.
 */
class PartnerFloodIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final int EXCHANGES_PER_MINUTE = 100;
    static final int MAX_LIVE = 3;

    static ServiceProcess service;
    static String ro;
    static String bg;

    @BeforeAll
    static void start() throws Exception {
        PulseServices.startOnce();
        service = ServiceProcess.start("partner-flood", Map.of(
                "EXCHANGEPULSE_INGEST_QUOTA_EXCHANGES_PER_MINUTE", String.valueOf(EXCHANGES_PER_MINUTE),
                "EXCHANGEPULSE_INGEST_QUOTA_OPERATIONS_OPENED_PER_DAY", "2",
                "EXCHANGEPULSE_LIVE_MAX_CONNECTIONS_PER_CALLER", String.valueOf(MAX_LIVE),
                "EXCHANGEPULSE_LIVE_CONNECT_INTERVAL", "PT30S",
                // All twelve bodies of the flood are read at once: streaming, not shedding load, keeps the replica up.
                "EXCHANGEPULSE_INGEST_CONCURRENT_BODIES", "12",
                "EXCHANGEPULSE_INGEST_BODY_DEADLINE", "PT10S")).awaitReady(PackagedServiceIT.START);
        ro = deskToken("desk-ro-police", "desk-ro-police-secret");
        bg = deskToken("desk-bg-customs", "desk-bg-customs-secret");
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void aPartyPastItsQuotaIsAnswered429WithRetryAfterAndOthersAreServed() throws Exception {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= EXCHANGES_PER_MINUTE; i++) {
            tooMany.add(valid(SuiteClock.now()));
        }
        HttpResponse<String> never = post("/api/v1/exchanges", ro, json(tooMany));
        assertThat(never.statusCode()).as("more than the whole quota: no use waiting").isEqualTo(413);
        assertThat(JSON.readTree(never.body()).path("detail").asText()).contains("more than RO's whole quota of 100");

        assertThat(post("/api/v1/operations/events", ro, "[" + opened(newOperation()) + "," + opened(newOperation()) + "]").statusCode())
                .isEqualTo(202);
        HttpResponse<String> refused = post("/api/v1/operations/events", ro, opened(newOperation()));
        assertThat(refused.statusCode()).as("a third opening today").isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 86_400L);
        assertThat(JSON.readTree(refused.body()).path("detail").asText()).contains("RO has used 2 of its 2 operations opened today");

        List<Map<String, Object>> fromBg = List.of(with(with(valid(SuiteClock.now()), "from", "BG"), "to", "RO"));
        assertThat(post("/api/v1/exchanges", bg, json(fromBg)).statusCode()).as("another party").isEqualTo(202);
        assertThat(post("/api/v1/exchanges", Callers.token("admin"), json(tooMany)).statusCode()).as("the center itself").isEqualTo(202);
    }

    @Test
    void aPartyNeverReopensOrRewritesAnOperation() throws Exception {
        // Rotus (RO, BG, TR, GB, US) is the seed's: its parties report on it, but nobody opens it again.
        HttpResponse<String> reopen = post("/api/v1/operations/events", ro, "{\"id\": \"" + UUID.randomUUID() + "\", \"operationId\": \"ROTUS\", "
                + "\"type\": \"OPENED\", \"occurredAt\": \"" + SuiteClock.now() + "\", \"name\": \"Mine now\", \"operationKind\": \"JOINT_INVESTIGATION\", \"taskForce\": \"TERRORISM\", "
                + "\"countries\": [\"RO\", \"TR\"]}");
        assertThat(reopen.statusCode()).isEqualTo(403);
        assertThat(reopen.body()).contains("already opened");
        HttpResponse<String> foreignResult = post("/api/v1/operations/events", ro, result("BG", 5));
        assertThat(foreignResult.statusCode()).as("a result in another party's country").isEqualTo(403);
        assertThat(post("/api/v1/operations/events", ro, result("RO", 3_000_000_000L)).statusCode()).as("arrests bounded").isEqualTo(400);
        assertThat(post("/api/v1/operations/events", ro, result("RO", 5)).statusCode()).isEqualTo(202);
    }

    @Test
    void theBoardEveryWallGetsStaysBoundedAndTheApiPagesThroughAll() throws Exception {
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            flood.add(opened("FLOOD-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        assertThat(post("/api/v1/operations/events", Callers.token("admin"), "[" + String.join(",", flood) + "]").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode page = get("/api/v1/operations?taskForce=DRUGS&status=OPEN&limit=100");
            assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(300);
        });
        JsonNode first = get("/api/v1/operations?limit=100");
        assertThat(first.path("operations")).hasSize(100);
        assertThat(first.path("next").asText()).contains("offset=100");
        assertThat(get(first.path("next").asText()).path("operations")).hasSize(100);

        try (LiveClient wall = LiveClient.connectAs(service.port(), "wall")) {
            JsonNode snapshot = wall.until(m -> m.path("type").asText().equals("snapshot"), Duration.ofSeconds(30));
            JsonNode board = snapshot.at("/views/operations");
            long drugs = 0;
            for (JsonNode operation : board) {
                drugs += operation.path("taskForce").asText().equals("DRUGS") && !operation.path("status").asText().equals("CLOSED") ? 1 : 0;
            }
            assertThat(drugs).as("the board's open drugs operations").isEqualTo(20);
            assertThat(board.size()).as("the whole board").isLessThanOrEqualTo(9 * 25);
        }
    }

    @Test
    void concurrentLargeBodiesAtTheContainersHeapLeaveTheReplicaUp() throws Exception {
        List<byte[]> bodies = List.of(validItems(false), validItems(true), emptyObjects(), giantString(),
                validItems(false), validItems(true), emptyObjects(), giantString(),
                validItems(false), validItems(true), emptyObjects(), giantString());
        // Six liaisons, two bodies each: as many as one caller may send at once.
        List<String> senders = List.of(ro, bg, Callers.token("liaison-ro"), Callers.token("liaison-bg"), liaison("MD"), liaison("TR"));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            answers.add(HTTP.sendAsync(HttpRequest.newBuilder(service.url().resolve("/api/v1/exchanges"))
                    .header("Authorization", "Bearer " + senders.get(i / 2))
                    .header("Content-Type", i % 4 == 1 ? "application/x-ndjson" : "application/json")
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            // Refused every time: too many items, malformed, too large, not its party's; never a crash.
            assertThat(answer.join().statusCode()).isIn(400, 403, 413);
        }
        assertThat(service.isAlive()).isTrue();
        HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.managementPort() + "/q/health/ready"))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(service.output()).doesNotContain("OutOfMemoryError");
        assertThat(post("/api/v1/exchanges", bg, json(List.of(with(with(valid(SuiteClock.now()), "from", "BG"), "to", "RO")))).statusCode())
                .isEqualTo(202);
    }

    @Test
    void aPartnerTricklingBodiesHoldsTwoReadersAtMostAndNotForLong() throws Exception {
        String slow = liaison("AL");
        List<CompletableFuture<HttpResponse<String>>> trickling = List.of(trickle(slow), trickle(slow));
        await().atMost(Duration.ofSeconds(10)).until(() -> post("/api/v1/exchanges", slow, "[]").statusCode() == 429);
        HttpResponse<String> third = post("/api/v1/exchanges", slow, "[]");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(third.body()).path("type").asText()).endsWith("too-many-at-once");
        assertThat(post("/api/v1/exchanges", bg, json(List.of(with(with(valid(SuiteClock.now()), "from", "BG"), "to", "RO")))).statusCode())
                .as("another party, meanwhile").isEqualTo(202);
        for (CompletableFuture<HttpResponse<String>> answer : trickling) {
            // Past the body's deadline (10 s here) the service answers 408 and closes; the client may see the close first.
            Optional<Integer> status = answer.handle((response, failure) -> Optional.ofNullable(response).map(HttpResponse::statusCode))
                    .get(60, TimeUnit.SECONDS);
            status.ifPresent(code -> assertThat(code).isEqualTo(408));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> post("/api/v1/exchanges", slow, "[]").statusCode() == 400);
    }

    @Test
    void aCallerHoldsOnlySoManyLiveConnectionsAndCannotReconnectInALoop() throws Exception {
        String analyst = Callers.bearer("analyst");
        List<LiveClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_LIVE; i++) {
                held.add(LiveClient.connectWith(service.port(), analyst));
            }
            assertThat(LiveClient.upgradeStatus(service.port(), analyst)).as("one more than allowed").isEqualTo(429);
            assertThat(LiveClient.upgradeStatus(service.port(), Callers.bearer("wall"))).as("another caller").isEqualTo(101);
        } finally {
            held.forEach(LiveClient::close);
        }
        // Reconnecting in a loop: after a burst, refused until the interval has passed.
        String leader = Callers.bearer("leader-drugs");
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            refused += LiveClient.upgradeStatus(service.port(), leader) == 429 ? 1 : 0;
        }
        assertThat(refused).isPositive();
    }

    // --- Helpers ---

    private static HttpResponse<String> post(String path, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.url().resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(service.url().resolve(path))
                .header("Authorization", Callers.bearer("analyst")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /**
     * A request whose body comes fast for its first 16 KB (past what the server gathers before it hands the body to
     * its reader), then a byte every half second: a partner trying to hold the replica's readers.
     */
    private static CompletableFuture<HttpResponse<String>> trickle(String token) {
        InputStream slowly = new InputStream() {
            private int sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= 16_384) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    }
                    length = 1;
                }
                int n = Math.min(length, Math.max(1, 16_384 - sent));
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) (sent++ == 0 ? '[' : ' ');
                }
                return n;
            }
        };
        return HTTP.sendAsync(HttpRequest.newBuilder(service.url().resolve("/api/v1/exchanges")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(() -> slowly)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A liaison of {@code party}, signed by the suite's provider. */
    private static String liaison(String party) {
        return PulseServices.issuer().accessToken(new EmbeddedIssuer.User("liaison-" + party.toLowerCase(), List.of("liaison"), party,
                "POLICE", List.of()), Duration.ofMinutes(30));
    }

    private static String newOperation() {
        return "RO-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String opened(String operation) {
        return "{\"id\": \"" + UUID.randomUUID() + "\", \"operationId\": \"" + operation + "\", \"type\": \"OPENED\", "
                + "\"occurredAt\": \"" + SuiteClock.now() + "\", \"name\": \"" + operation + "\", \"operationKind\": \"JOINT_INVESTIGATION\", "
                + "\"taskForce\": \"DRUGS\", \"countries\": [\"RO\", \"BG\"]}";
    }

    private static String result(String country, long arrests) {
        return "{\"id\": \"" + UUID.randomUUID() + "\", \"operationId\": \"ROTUS\", \"type\": \"RESULT\", \"occurredAt\": \""
                + SuiteClock.now() + "\", \"country\": \"" + country + "\", \"arrests\": " + arrests + "}";
    }

    /** About 15 MB of valid exchanges, as an array or NDJSON: far past the item limit. */
    private static byte[] validItems(boolean ndjson) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(ndjson ? new byte[0] : "[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; body.size() < 15_000_000; i++) {
            Map<String, Object> exchange = new LinkedHashMap<>(valid(SuiteClock.now()));
            body.write(((i == 0 || ndjson ? "" : ",") + JSON.writeValueAsString(exchange) + (ndjson ? "\n" : "")).getBytes(StandardCharsets.UTF_8));
        }
        body.write(ndjson ? new byte[0] : "]".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static byte[] emptyObjects() {
        StringBuilder body = new StringBuilder("[");
        while (body.length() < 15_000_000) {
            body.append(body.length() == 1 ? "{}" : ",{}");
        }
        return body.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] giantString() {
        return ("[{\"id\": \"" + "x".repeat(15_000_000) + "\"}]").getBytes(StandardCharsets.UTF_8);
    }
}
