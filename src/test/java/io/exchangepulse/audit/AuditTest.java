package io.exchangepulse.audit;

import io.exchangepulse.support.Callers;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.SuiteClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail on the suite's PostgreSQL: writes and reads recorded with who, how, what, from where and the
 * outcome, readable by administrators only, a page at a time; never a credential; append-only; kept by month.
 */
@QuarkusTest
@Tag("component")
class AuditTest {

    @Inject
    AuditRepository repository;

    @TestHTTPResource("/")
    URL root;

    @Test
    void writesAndReadsAreRecordedWithWhoWhatFromWhereAndTheOutcome() {
        String marker = "audit-" + UUID.randomUUID();
        given().header(Callers.as("liaison-ro")).contentType(ContentType.JSON).body(List.of(valid(SuiteClock.now())))
                .post("/api/v1/exchanges?marker=" + marker).then().statusCode(202);
        given().header(Callers.as("analyst")).get("/api/v1/flows?marker=" + marker).then().statusCode(200);
        given().header(Callers.as("leader-drugs")).get("/api/v1/flows?marker=" + marker).then().statusCode(403);
        given().header(Callers.anonymous()).contentType(ContentType.JSON).body("[]").post("/api/v1/exchanges?marker=" + marker)
                .then().statusCode(401);
        given().header(Callers.as("analyst")).get("/api/v1/contract").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> events = trail("?limit=500").getList("events");
            List<Map<String, Object>> ours = events.stream().filter(e -> String.valueOf(e.get("target")).contains(marker)).toList();
            assertThat(ours).extracting(e -> e.get("who"), e -> e.get("action"), e -> e.get("via"), e -> e.get("status"))
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("liaison-ro", "SEND_EXCHANGES", "bearer", 202),
                            org.assertj.core.groups.Tuple.tuple("analyst", "READ", "bearer", 200),
                            org.assertj.core.groups.Tuple.tuple("leader-drugs", "READ", "bearer", 403),
                            org.assertj.core.groups.Tuple.tuple("anonymous", "SEND_EXCHANGES", "anonymous", 401));
            Map<String, Object> sent = ours.stream().filter(e -> e.get("status").equals(202)).findFirst().orElseThrow();
            assertThat(sent).containsEntry("party", "RO").containsEntry("detail", "1 accepted");
            assertThat(sent.get("source")).isNotNull();
            assertThat(events).noneMatch(e -> String.valueOf(e.get("target")).startsWith("GET /api/v1/contract"));
        });
    }

    @Test
    void aLiveConnectionAndWhatItSubscribedToAreRecorded() throws Exception {
        try (LiveClient leader = LiveClient.connectAs(root.getPort(), "leader-terrorism")) {
            leader.until(m -> m.path("type").asText().equals("snapshot"), Duration.ofSeconds(20));
            leader.send("{\"type\": \"subscribe\", \"views\": [\"totals\"], \"taskForces\": [\"TERRORISM\"]}");
            leader.until(m -> m.path("type").asText().equals("snapshot") && m.at("/subscription/views").size() == 1, Duration.ofSeconds(20));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> events = trail("?who=leader-terrorism&limit=50").getList("events");
            assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("action", "LIVE_CONNECT").containsEntry("status", 101));
            assertThat(events).anySatisfy(e -> {
                assertThat(e).containsEntry("action", "LIVE_SUBSCRIBE").containsEntry("via", "bearer");
                assertThat(String.valueOf(e.get("target"))).contains("views=[totals]").contains("TERRORISM");
            });
        });
    }

    @Test
    void theTrailIsForAdministratorsAPageAtATimeAndHoldsNoCredential() {
        given().get("/api/v1/totals/yearly?access_token=" + Callers.token("analyst")).then().statusCode(200);
        given().header(Callers.as("analyst")).get("/api/v1/audit").then().statusCode(403);
        given().header(Callers.as("wall")).get("/api/v1/audit").then().statusCode(403);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath first = trail("?limit=2&action=READ");
            assertThat(first.getList("events")).hasSize(2);
            JsonPath second = given().get(first.getString("next")).then().statusCode(200).extract().jsonPath();
            assertThat(second.getLong("events[0].id")).isLessThan(first.getLong("events[1].id"));
            String everything = given().get("/api/v1/audit?limit=500").then().statusCode(200).extract().asString();
            assertThat(everything).doesNotContain("eyJ").contains("access_token=…");
        });
        given().get("/api/v1/audit?limit=501").then().statusCode(400);
        given().get("/api/v1/audit?from=yesterday").then().statusCode(400);
    }

    @Test
    void noEntryIsEverChangedOrDeleted() throws SQLException {
        given().get("/api/v1/totals/yearly").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> count() > 0);
        try (Connection connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "")) {
            for (String change : List.of("UPDATE audit_event SET who = 'nobody'", "DELETE FROM audit_event", "TRUNCATE audit_event")) {
                assertThatThrownBy(() -> connection.createStatement().execute(change)).as(change).hasMessageContaining("append-only");
            }
        }
    }

    @Test
    void monthsPastTheRetentionAreDroppedWholeAndOthersKept() throws SQLException {
        // Months long past, beside the suite's own: maintenance on a day of 1991 that keeps 400 days back.
        LocalDate today = LocalDate.of(1991, 3, 15);
        repository.maintainPartitions(LocalDate.of(1990, 1, 15), LocalDate.of(1990, 1, 1)).await().atMost(Duration.ofSeconds(10));
        assertThat(partitions()).contains("audit_event_199001", "audit_event_199002");

        repository.maintainPartitions(today, today.minusDays(400)).await().atMost(Duration.ofSeconds(10));

        assertThat(partitions()).as("January 1990 ends before %s", today.minusDays(400)).doesNotContain("audit_event_199001")
                .contains("audit_event_199002", "audit_event_199103", "audit_event_199104");
    }

    private static JsonPath trail(String query) {
        return given().get("/api/v1/audit" + query).then().statusCode(200).extract().jsonPath();
    }

    private static long count() throws SQLException {
        try (Connection connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "");
             var rows = connection.createStatement().executeQuery("SELECT count(*) FROM audit_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> partitions() throws SQLException {
        try (Connection connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "");
             var rows = connection.createStatement().executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                     + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'audit_event'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
