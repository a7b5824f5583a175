package io.exchangepulse.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.support.Callers;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.exchangepulse.it.SecurityReviewIT.deskToken;
import static io.exchangepulse.it.SecurityReviewIT.json;
import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One partner cannot take the center down (README, "Security"), tried against the packaged service at the
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
                "EXCHANGEPULSE_INGEST_CONCURRENT_BODIES", "12")).awaitReady(PackagedServiceIT.START);
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
            tooMany.add(valid(Instant.now()));
        }
        HttpResponse<String> refused = post("/api/v1/exchanges", ro, json(tooMany));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(JSON.readTree(refused.body()).path("detail").asText()).contains("RO has used").contains("exchanges this minute");

        List<Map<String, Object>> fromBg = List.of(with(with(valid(Instant.now()), "from", "BG"), "to", "RO"));
        assertThat(post("/api/v1/exchanges", bg, json(fromBg)).statusCode()).as("another party").isEqualTo(202);
        assertThat(post("/api/v1/exchanges", Callers.token("admin"), json(tooMany)).statusCode()).as("the center itself").isEqualTo(202);
    }

    @Test
    void aPartyOpensOnlySoManyOperationsADayAndNeverReopensOrRewritesAnother() throws Exception {
        String three = "[" + String.join(",", opened("RO-" + UUID.randomUUID().toString().substring(0, 8)),
                opened("RO-" + UUID.randomUUID().toString().substring(0, 8)), opened("RO-" + UUID.randomUUID().toString().substring(0, 8))) + "]";
        HttpResponse<String> refused = post("/api/v1/operations/events", ro, three);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        // Rotus (RO, BG, TR, GB, US) is the seed's: its parties report on it, but nobody opens it again.
        HttpResponse<String> reopen = post("/api/v1/operations/events", ro, "{\"id\": \"" + UUID.randomUUID() + "\", \"operationId\": \"ROTUS\", "
                + "\"type\": \"OPENED\", \"occurredAt\": \"" + Instant.now() + "\", \"name\": \"Mine now\", \"operationKind\": \"JOINT_INVESTIGATION\", \"taskForce\": \"TERRORISM\", "
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
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            answers.add(HTTP.sendAsync(HttpRequest.newBuilder(service.url().resolve("/api/v1/exchanges"))
                    .header("Authorization", "Bearer " + ro)
                    .header("Content-Type", i % 4 == 1 ? "application/x-ndjson" : "application/json")
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            // Refused every time: too many items, malformed, too large; never a crash.
            assertThat(answer.join().statusCode()).isIn(400, 413);
        }
        assertThat(service.isAlive()).isTrue();
        HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.managementPort() + "/q/health/ready"))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(service.output()).doesNotContain("OutOfMemoryError");
        assertThat(post("/api/v1/exchanges", bg, json(List.of(with(with(valid(Instant.now()), "from", "BG"), "to", "RO")))).statusCode())
                .isEqualTo(202);
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

    private static String opened(String operation) {
        return "{\"id\": \"" + UUID.randomUUID() + "\", \"operationId\": \"" + operation + "\", \"type\": \"OPENED\", "
                + "\"occurredAt\": \"" + Instant.now() + "\", \"name\": \"" + operation + "\", \"operationKind\": \"JOINT_INVESTIGATION\", "
                + "\"taskForce\": \"DRUGS\", \"countries\": [\"RO\", \"BG\"]}";
    }

    private static String result(String country, long arrests) {
        return "{\"id\": \"" + UUID.randomUUID() + "\", \"operationId\": \"ROTUS\", \"type\": \"RESULT\", \"occurredAt\": \""
                + Instant.now() + "\", \"country\": \"" + country + "\", \"arrests\": " + arrests + "}";
    }

    /** About 15 MB of valid exchanges, as an array or NDJSON: far past the item limit. */
    private static byte[] validItems(boolean ndjson) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(ndjson ? new byte[0] : "[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; body.size() < 15_000_000; i++) {
            Map<String, Object> exchange = new LinkedHashMap<>(valid(Instant.now()));
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
