package io.exchangepulse.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.SuiteClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** /live with real WebSocket clients, against the real broker and database. */
@QuarkusTest
@Tag("component")
class LiveWebSocketTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL root;

    LiveClient connect() {
        return LiveClient.connect(root.getPort());
    }

    @Test
    void aViewerGetsTheSnapshotOnConnectWithTheSeedsHistory() throws Exception {
        try (LiveClient client = connect()) {
            JsonNode snapshot = client.next(WAIT);

            assertThat(snapshot.get("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.get("seq").asLong()).isEqualTo(1);
            assertThat(snapshot.get("subscription").get("views")).extracting(JsonNode::asText)
                    .containsExactly("alerts", "crimeAreas", "flows", "operations", "totals", "trendDays", "trendMinutes", "yearly");
            JsonNode views = snapshot.get("views");
            assertThat(views.get("yearly").findValues("total")).extracting(JsonNode::asLong).contains(5953L, 7583L, 9196L);
            assertThat(views.get("crimeAreas")).hasSize(11);
            assertThat(views.get("trendMinutes").get("series")).hasSize(8);
            assertThat(views.get("trendMinutes").get("series").get(0).get("counts")).hasSize(60);
            assertThat(views.get("trendDays").get("series").get(0).get("counts")).hasSize(30);
            assertThat(views.get("operations").findValues("id")).extracting(JsonNode::asText).contains("TARA", "DORA");
            assertThat(views.get("totals").get("date").asText()).isNotEmpty();
            assertThat(views.get("flows").isArray()).isTrue();
        }
    }

    @Test
    void deltasAfterPostsAddUpExactlyWithoutSeqGapsAndAgreeWithAFreshSnapshot() throws Exception {
        try (LiveClient client = connect()) {
            client.next(WAIT);
            long today = client.latestTotal("today");

            for (int round = 0; round < 5; round++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    batch.add(valid(SuiteClock.now()));
                }
                post(batch);
                post(batch.subList(0, 10));
            }
            assertThat(client.awaitTotal("today", today + 200, WAIT)).isEqualTo(today + 200);

            client.send("{\"type\": \"resync\"}");
            JsonNode fresh = client.until(m -> m.get("type").asText().equals("snapshot"), WAIT);
            assertThat(fresh.get("views").get("totals").get("today").asLong()).isEqualTo(today + 200);
            List<JsonNode> seen = client.seen();
            for (int i = 0; i < seen.size(); i++) {
                assertThat(seen.get(i).get("seq").asLong()).as("seq of message %d", i).isEqualTo(i + 1);
                assertThat(seen.get(i).get("type").asText()).isIn("snapshot", "delta", "heartbeat");
            }
        }
    }

    @Test
    void aTaskForceLeaderSeesOnlyItsTaskForcesWhileTheWallSeesEverything() throws Exception {
        try (LiveClient leader = connect(); LiveClient wall = connect()) {
            leader.next(WAIT);
            wall.next(WAIT);
            long wallToday = wall.latestTotal("today");
            leader.send("{\"type\": \"subscribe\", \"views\": [\"totals\", \"crimeAreas\", \"trendMinutes\", \"operations\"], "
                    + "\"taskForces\": [\"TERRORISM\"], \"minutes\": 180}");
            JsonNode snapshot = leader.until(m -> m.get("type").asText().equals("snapshot"), WAIT);
            JsonNode views = snapshot.get("views");
            assertThat(views.fieldNames()).toIterable().containsExactly("crimeAreas", "operations", "totals", "trendMinutes");
            assertThat(views.get("crimeAreas")).extracting(row -> row.get("crimeArea").asText()).containsExactly("TERRORISM");
            assertThat(views.get("trendMinutes").get("series")).extracting(s -> s.get("taskForce").asText())
                    .containsExactly("TERRORISM");
            assertThat(views.get("trendMinutes").get("series").get(0).get("counts")).hasSize(180);
            assertThat(views.get("operations")).allSatisfy(o -> assertThat(o.get("taskForce").asText()).isEqualTo("TERRORISM"));
            long terrorismToday = leader.latestTotal("today");

            post(List.of(valid(SuiteClock.now()), with(valid(SuiteClock.now()), "crimeArea", "TERRORISM")));

            assertThat(wall.awaitTotal("today", wallToday + 2, WAIT)).isEqualTo(wallToday + 2);
            assertThat(leader.awaitTotal("today", terrorismToday + 1, WAIT)).isEqualTo(terrorismToday + 1);
            assertThat(wall.seen()).anyMatch(m -> m.path("changes").has("yearly"));
            assertThat(leader.seen()).noneMatch(m -> m.path("changes").has("yearly") || m.path("changes").has("flows"));
        }
    }

    @Test
    void badClientMessagesGetAnErrorAndTheConnectionStays() throws Exception {
        try (LiveClient client = connect()) {
            client.next(WAIT);
            client.send("{\"type\": \"subscribe\", \"views\": [\"gossip\"]}");
            JsonNode error = client.until(m -> m.get("type").asText().equals("error"), WAIT);
            assertThat(error.get("message").asText()).contains("gossip");
            assertThat(error.get("seq").asLong()).isEqualTo(2);
            client.send("not json");
            assertThat(client.until(m -> m.get("type").asText().equals("error"), WAIT).get("seq").asLong()).isEqualTo(3);
            client.send("{\"type\": \"resync\"}");
            assertThat(client.until(m -> m.get("type").asText().equals("snapshot"), WAIT).get("seq").asLong()).isEqualTo(4);
        }
    }

    @Test
    void anIdleViewerGetsHeartbeats() throws Exception {
        try (LiveClient client = connect()) {
            client.send("{\"type\": \"subscribe\", \"views\": [\"yearly\"], \"taskForces\": [\"CONTAINER_SECURITY\"]}");
            JsonNode heartbeat = client.until(m -> m.get("type").asText().equals("heartbeat"), WAIT);
            assertThat(heartbeat.get("serverTime").asText()).isNotEmpty();
        }
    }

    @Test
    void aViewerThatDoesNotReadDoesNotHoldBackTheOthers() throws Exception {
        try (LiveClient stalled = LiveClient.stalled(root.getPort()); LiveClient reader = connect()) {
            reader.next(WAIT);
            long today = reader.latestTotal("today");
            for (int round = 1; round <= 30; round++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    batch.add(with(valid(SuiteClock.now()), "to", i % 2 == 0 ? "BG" : "HR"));
                }
                post(batch);
                assertThat(reader.awaitTotal("today", today + 20L * round, WAIT)).isEqualTo(today + 20L * round);
            }
        }
    }

    static void post(List<Map<String, Object>> batch) {
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/exchanges").then().statusCode(202);
    }
}
