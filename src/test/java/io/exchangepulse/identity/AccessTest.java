package io.exchangepulse.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.embedded.EmbeddedIssuer;
import io.exchangepulse.support.Callers;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.KafkaTopics;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.SuiteClock;
import io.exchangepulse.support.Windows;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Who may do what (src/docs/security.md, "Identity and access"), with real tokens signed by the suite's provider and
 * checked by the service as a production provider's are: discovery, keys, issuer, audience, expiry.
 */
@QuarkusTest
@Tag("component")
class AccessTest {

    static final String LIAISON = "liaison-ro";
    static final String LEADER = "leader-drugs";

    @TestHTTPResource("/")
    URL root;

    /** An endpoint as a caller uses it; the status each role gets is in {@link #everyRoleAgainstEveryEndpoint}. */
    record Endpoint(String name, Function<RequestSpecification, Integer> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Endpoint SEND = new Endpoint("POST /api/v1/exchanges", request -> request.contentType(ContentType.JSON)
            .body(List.of(valid(SuiteClock.now().minusSeconds(60)))).post("/api/v1/exchanges").statusCode());
    static final Endpoint REPORT_EVENTS = new Endpoint("POST /api/v1/operations/events", request -> request.contentType(ContentType.JSON)
            .body(List.of(opened("ACCESS-" + UUID.randomUUID().toString().substring(0, 8), "RO", "BG")))
            .post("/api/v1/operations/events").statusCode());
    static final Endpoint YEARLY = get("/api/v1/totals/yearly");
    static final Endpoint FLOWS = get("/api/v1/flows");
    static final Endpoint CRIME_AREAS = get("/api/v1/crime-areas");
    static final Endpoint TREND = get("/api/v1/task-forces/trend");
    static final Endpoint OPERATIONS = get("/api/v1/operations");
    static final Endpoint CONTRACT = get("/api/v1/contract");
    static final Endpoint REPORT = get("/api/v1/reports/2008");
    static final Endpoint ALERTS = get("/api/v1/alerts");
    static final Endpoint AUDIT = get("/api/v1/audit");
    static final Endpoint COUNTING_GAPS = get("/api/v1/counting/gaps");
    /** A year the archive refuses (it is this year): past the role check, the answer is the archive's own 400. */
    static final Endpoint ARCHIVE = new Endpoint("PUT /api/v1/archive/{this year}", request -> request.contentType(ContentType.JSON)
            .body("{}").put("/api/v1/archive/" + SuiteClock.today().getYear()).statusCode());

    static Endpoint get(String path) {
        return new Endpoint("GET " + path, request -> request.get(path).statusCode());
    }

    /** The access table (src/docs/security.md), one row per endpoint: liaison, task-force leader, wall, analyst, admin. */
    static Stream<Object[]> everyRoleAgainstEveryEndpoint() {
        List<Object[]> rows = new ArrayList<>();
        Map<Endpoint, int[]> table = new LinkedHashMap<>();
        table.put(SEND, new int[] {202, 403, 403, 403, 202});
        table.put(REPORT_EVENTS, new int[] {202, 403, 403, 403, 202});
        table.put(YEARLY, new int[] {403, 403, 200, 200, 200});
        table.put(FLOWS, new int[] {403, 403, 200, 200, 200});
        table.put(CRIME_AREAS, new int[] {403, 200, 200, 200, 200});
        table.put(TREND, new int[] {403, 200, 200, 200, 200});
        table.put(OPERATIONS, new int[] {403, 200, 200, 200, 200});
        table.put(CONTRACT, new int[] {200, 200, 200, 200, 200});
        table.put(REPORT, new int[] {403, 403, 200, 200, 200});
        table.put(ALERTS, new int[] {403, 200, 200, 200, 200});
        table.put(ARCHIVE, new int[] {403, 403, 403, 403, 400});
        table.put(AUDIT, new int[] {403, 403, 403, 403, 200});
        table.put(COUNTING_GAPS, new int[] {403, 403, 403, 403, 200});
        String[] users = {LIAISON, LEADER, "wall", "analyst", "admin"};
        table.forEach((endpoint, statuses) -> {
            for (int i = 0; i < users.length; i++) {
                rows.add(new Object[] {endpoint, users[i], statuses[i]});
            }
        });
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("everyRoleAgainstEveryEndpoint")
    void eachRoleGetsExactlyWhatTheTableSays(Endpoint endpoint, String user, int status) {
        assertThat(endpoint.call().apply(given().header(Callers.as(user)))).isEqualTo(status);
    }

    @Test
    void anAnonymousCallerGets401OnIngestQueriesAndLive() {
        for (Endpoint endpoint : List.of(SEND, REPORT_EVENTS, YEARLY, FLOWS, CRIME_AREAS, TREND, OPERATIONS, CONTRACT, REPORT, ALERTS, ARCHIVE,
                AUDIT, COUNTING_GAPS)) {
            assertThat(endpoint.call().apply(given().header(Callers.anonymous()))).as(endpoint.name()).isEqualTo(401);
        }
        assertThat(LiveClient.upgradeStatus(root.getPort(), null)).isEqualTo(401);
    }

    @Test
    void liveIsOpenToTheViewersAndClosedToTheLiaisons() {
        assertThat(LiveClient.upgradeStatus(root.getPort(), Callers.bearer(LIAISON))).isEqualTo(403);
        for (String viewer : List.of(LEADER, "wall", "analyst", "admin")) {
            assertThat(LiveClient.upgradeStatus(root.getPort(), Callers.bearer(viewer))).as(viewer).isEqualTo(101);
        }
    }

    @Test
    void anExpiredTokenAForeignIssuerAWrongAudienceAndAForgedSignatureAreRefused() throws Exception {
        EmbeddedIssuer issuer = PulseServices.issuer();
        EmbeddedIssuer.User admin = EmbeddedIssuer.user("admin").orElseThrow();
        String expired = issuer.accessToken(admin, Duration.ofSeconds(-120));
        String foreign = issuer.accessToken(admin, Duration.ofMinutes(5), "https://sso.elsewhere.example", EmbeddedIssuer.AUDIENCE);
        String otherAudience = issuer.accessToken(admin, Duration.ofMinutes(5), issuer.url(), "another-service");
        String forged;
        try (EmbeddedIssuer impostor = EmbeddedIssuer.start(0, null)) {
            forged = impostor.accessToken(admin, Duration.ofMinutes(5), issuer.url(), EmbeddedIssuer.AUDIENCE);
        }
        Map<String, String> tokens = Map.of("expired", expired, "foreign issuer", foreign, "other audience", otherAudience,
                "forged", forged);
        tokens.forEach((what, token) -> {
            assertThat(given().header("Authorization", "Bearer " + token).get("/api/v1/totals/yearly").statusCode()).as(what)
                    .isEqualTo(401);
            assertThat(given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(List.of(valid(SuiteClock.now()))).post("/api/v1/exchanges").statusCode()).as(what).isEqualTo(401);
            assertThat(LiveClient.upgradeStatus(root.getPort(), "Bearer " + token)).as(what).isEqualTo(401);
        });
        given().header("Authorization", "Bearer " + issuer.accessToken(admin, Duration.ofMinutes(5)))
                .get("/api/v1/totals/yearly").then().statusCode(200);
    }

    @Test
    void aLiaisonSendingOneItemAsAnotherCountryIsRefusedNamingItAndNothingOfTheRequestIsWritten() throws Exception {
        Instant window = Windows.fresh();
        var croatian = with(valid(window), "from", "HR");
        var batch = List.of(valid(window), croatian, valid(window));

        given().header(Callers.as(LIAISON)).contentType(ContentType.JSON).body(batch).post("/api/v1/exchanges")
                .then().statusCode(403)
                .body("type", equalTo("urn:exchange-pulse:problem:forbidden-items"))
                .body("errors.index", equalTo(List.of(1)))
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].message", containsString("speaks for RO"));
        given().header(Callers.as(LIAISON)).contentType(ContentType.JSON).body(List.of(valid(window))).post("/api/v1/exchanges")
                .then().statusCode(202);

        Counts.awaitCaughtUp();
        assertThat(Counts.inHour(window)).as("only the later request's exchange").isEqualTo(1);
    }

    @Test
    void aLiaisonReportsOnlyOnOperationsItsPartyTakesPartIn() {
        given().header(Callers.as(LIAISON)).contentType(ContentType.JSON)
                .body(List.of(Map.of("id", UUID.randomUUID().toString(), "operationId", "TARA", "type", "RESULT",
                        "occurredAt", SuiteClock.now().minusSeconds(60).toString(), "country", "RO", "arrests", 1)))
                .post("/api/v1/operations/events")
                .then().statusCode(403)
                .body("errors[0].message", containsString("RO takes no part in"));
        given().header(Callers.as(LIAISON)).contentType(ContentType.JSON)
                .body(List.of(opened("ACCESS-" + UUID.randomUUID().toString().substring(0, 8), "BG", "HR")))
                .post("/api/v1/operations/events")
                .then().statusCode(403);
    }

    @Test
    void everyRecordSaysWhoSentIt() throws Exception {
        var exchange = valid(SuiteClock.now().minusSeconds(30));
        given().header(Callers.as(LIAISON)).contentType(ContentType.JSON).body(List.of(exchange)).post("/api/v1/exchanges")
                .then().statusCode(202);

        var record = KafkaTopics.readAll(Counts.EXCHANGES).stream().filter(r -> exchange.get("id").equals(r.key())).findFirst();
        assertThat(record).isPresent();
        assertThat(new String(record.get().headers().lastHeader("sender").value(), StandardCharsets.UTF_8))
                .isEqualTo("liaison-ro (RO, POLICE)");
    }

    @Test
    void aLeaderAskingForAnotherTaskForceByQueryIsRefusedAndSeesOnlyItsOwnRows() {
        given().header(Callers.as(LEADER)).queryParam("taskForce", "TERRORISM").get("/api/v1/task-forces/trend")
                .then().statusCode(403).body("detail", containsString("not TERRORISM"));
        given().header(Callers.as(LEADER)).queryParam("taskForce", "TERRORISM").get("/api/v1/operations")
                .then().statusCode(403);
        given().header(Callers.as(LEADER)).get("/api/v1/task-forces/trend")
                .then().statusCode(200).body("series.taskForce", equalTo(List.of("DRUGS")));
        given().header(Callers.as(LEADER)).queryParam("year", 2008).get("/api/v1/crime-areas")
                .then().statusCode(200).body("taskForce", everyItem(equalTo("DRUGS"))).body("taskForce", hasItem("DRUGS"));
        given().header(Callers.as(LEADER)).get("/api/v1/operations")
                .then().statusCode(200).body("operations.taskForce", everyItem(equalTo("DRUGS")));
        given().header(Callers.as(LEADER)).get("/api/v1/contract")
                .then().statusCode(200)
                .body("caller.wholeCenter", equalTo(false))
                .body("caller.taskForces", equalTo(List.of("DRUGS")))
                .body("caller.views", not(hasItem("yearly")))
                .body("caller.views", not(hasItem("flows")));
    }

    @Test
    void aLeaderFollowsOnlyItsTaskForcesOnLiveAndAskingForMoreIsRefused() throws Exception {
        try (LiveClient leader = LiveClient.connectAs(root.getPort(), LEADER)) {
            JsonNode first = leader.until(m -> m.path("type").asText().equals("snapshot"), Duration.ofSeconds(20));
            assertThat(first.at("/subscription/taskForces")).extracting(JsonNode::asText).containsExactly("DRUGS");
            assertThat(first.path("views").has("yearly")).isFalse();
            assertThat(first.path("views").has("flows")).isFalse();

            leader.send("{\"type\": \"subscribe\", \"taskForces\": [\"TERRORISM\"]}");
            JsonNode refused = leader.until(m -> m.path("type").asText().equals("error"), Duration.ofSeconds(20));
            assertThat(refused.toString()).contains("task force 'TERRORISM' is not yours to see");

            leader.send("{\"type\": \"subscribe\", \"views\": [\"flows\"]}");
            assertThat(leader.until(m -> m.path("type").asText().equals("error"), Duration.ofSeconds(20)).toString())
                    .contains("view 'flows'");
        }
    }

    @Test
    void aLeaderWhoseTokenNamesNoTaskForceSeesNothing() throws Exception {
        EmbeddedIssuer.User nobody = new EmbeddedIssuer.User("leader-of-nothing", List.of("task-force-leader"), null, null, List.of());
        try (LiveClient blind = LiveClient.connectWith(root.getPort(), "Bearer " + PulseServices.issuer().accessToken(nobody,
                Duration.ofMinutes(5)))) {
            assertThat(blind.closed().get(20, TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(blind.closeReason()).contains("no task force");
        }
    }

    @Test
    void aSocketWhoseTokenExpiresIsClosedWithACodeThePageUnderstands() throws Exception {
        String shortLived = PulseServices.issuer().accessToken(EmbeddedIssuer.user("wall").orElseThrow(), Duration.ofSeconds(4));
        try (LiveClient wall = LiveClient.connectWith(root.getPort(), "Bearer " + shortLived)) {
            wall.until(m -> m.path("type").asText().equals("snapshot"), Duration.ofSeconds(20));
            assertThat(wall.closed().get(30, TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(wall.closeReason()).containsIgnoringCase("expired");
        }
    }

    static Map<String, Object> opened(String operation, String... countries) {
        return Map.of("id", UUID.randomUUID().toString(), "operationId", operation, "type", "OPENED",
                "occurredAt", SuiteClock.now().minusSeconds(60).toString(), "name", "Access check", "operationKind",
                "REGIONAL_OPERATION", "taskForce", "DRUGS", "countries", List.of(countries));
    }
}
