package io.exchangepulse.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.LiveMirror;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** /live with real WebSocket clients, against the real broker and database. */
@QuarkusTest
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
            JsonNode views = snapshot.get("views");
            assertThat(views.get("yearly").findValues("total")).extracting(JsonNode::asLong).contains(5953L, 7583L, 9196L);
            assertThat(views.get("crimeAreas")).hasSize(11);
            assertThat(views.get("trendMinutes").get("series")).hasSize(8);
            assertThat(views.get("trendMinutes").get("series").get(0).get("counts")).hasSize(60);
            assertThat(views.get("trendDays").get("series").get(0).get("counts")).hasSize(30);
            assertThat(views.get("operations").findValues("id")).extracting(JsonNode::asText).contains("TARA", "DORA");
            assertThat(views.has("totals")).isTrue();
            assertThat(views.has("flows")).isTrue();
        }
    }

    @Test
    void deltasAfterPostsAddUpExactlyWithoutSeqGapsAndMatchAFreshSnapshot() throws Exception {
        try (LiveClient client = connect()) {
            LiveMirror mirror = new LiveMirror(client.next(WAIT));
            long today = mirror.total("today");
            Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            long drugsThisMinute = mirror.trend("trendMinutes", "DRUGS", minute);

            for (int round = 0; round < 5; round++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    batch.add(valid(Instant.now()));
                }
                post(batch);
                post(batch.subList(0, 10));
            }
            long expected = today + 200;
            client.until(message -> {
                mirror.apply(message);
                return mirror.total("today") >= expected;
            }, WAIT);

            assertThat(mirror.total("today")).isEqualTo(expected);
            assertThat(mirror.trend("trendMinutes", "DRUGS", minute)
                    + mirror.trend("trendMinutes", "DRUGS", minute.plus(Duration.ofMinutes(1)))).isEqualTo(drugsThisMinute + 200);
            assertThat(client.seen()).allSatisfy(m -> assertThat(m.get("type").asText()).isIn("snapshot", "delta", "heartbeat"));

            client.send("{\"type\": \"resync\"}");
            JsonNode fresh = client.until(m -> m.get("type").asText().equals("snapshot"), WAIT);
            LiveMirror resynced = new LiveMirror(fresh);
            assertThat(mirror.agreesWith(resynced)).as(mirror + " vs " + resynced).isTrue();
            mirror.apply(fresh);
        }
    }

    @Test
    void aTaskForceLeaderFollowsOnlyItsTaskForces() throws Exception {
        try (LiveClient client = connect()) {
            client.next(WAIT);
            client.send("{\"type\": \"subscribe\", \"views\": [\"totals\", \"crimeAreas\", \"trendMinutes\", \"operations\"], "
                    + "\"taskForces\": [\"TERRORISM\"], \"minutes\": 180}");
            JsonNode snapshot = client.until(m -> m.get("type").asText().equals("snapshot"), WAIT);
            JsonNode views = snapshot.get("views");
            assertThat(views.has("yearly")).isFalse();
            assertThat(views.has("flows")).isFalse();
            assertThat(views.get("crimeAreas")).hasSize(1);
            assertThat(views.get("crimeAreas").get(0).get("crimeArea").asText()).isEqualTo("TERRORISM");
            assertThat(views.get("trendMinutes").get("series")).hasSize(1);
            assertThat(views.get("trendMinutes").get("series").get(0).get("counts")).hasSize(180);
            LiveMirror mirror = new LiveMirror(snapshot);
            long terrorismToday = mirror.total("today");

            post(List.of(valid(Instant.now())));
            post(List.of(with(valid(Instant.now()), "crimeArea", "TERRORISM")));
            JsonNode delta = client.until(m -> m.get("type").asText().equals("delta") && m.get("changes").has("totals"), WAIT);

            assertThat(delta.get("changes").get("totals").get("today").asLong()).isEqualTo(terrorismToday + 1);
            assertThat(delta.get("changes").has("yearly")).isFalse();
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
        }
    }

    @Test
    void anIdleViewerGetsHeartbeats() throws Exception {
        try (LiveClient client = connect()) {
            client.send("{\"type\": \"subscribe\", \"views\": [\"yearly\"], \"taskForces\": [\"CONTAINER_SECURITY\"]}");
            JsonNode heartbeat = client.until(m -> m.get("type").asText().equals("heartbeat"), Duration.ofSeconds(10));
            assertThat(heartbeat.get("serverTime").asText()).isNotEmpty();
        }
    }

    @Test
    void aViewerThatDoesNotReadDoesNotDelayTheOthers() throws Exception {
        try (LiveClient stalled = LiveClient.stalled(root.getPort()); LiveClient reader = connect()) {
            LiveMirror mirror = new LiveMirror(reader.next(WAIT));
            long today = mirror.total("today");
            long slowest = 0;
            for (int round = 1; round <= 30; round++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    batch.add(with(valid(Instant.now()), "to", i % 2 == 0 ? "BG" : "HR"));
                }
                long posted = System.nanoTime();
                post(batch);
                long expected = today + 20L * round;
                reader.until(message -> {
                    mirror.apply(message);
                    return mirror.total("today") >= expected;
                }, WAIT);
                slowest = Math.max(slowest, System.nanoTime() - posted);
            }
            assertThat(mirror.total("today")).isEqualTo(today + 600);
            assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(5));
        }
    }

    static void post(List<Map<String, Object>> batch) {
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/exchanges").then().statusCode(202);
    }
}
