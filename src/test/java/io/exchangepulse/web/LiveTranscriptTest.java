package io.exchangepulse.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangepulse.support.ExternalTool;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.SuiteClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java and JavaScript held to the same messages: sessions of /live recorded from the real server (a
 * snapshot, the deltas of a mix of exchanges and an operation, and a fresh snapshot after a resync), which
 * the dashboard's own merge code then replays in Node, ending where the fresh snapshot is.
 */
@QuarkusTest
@Tag("component")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveTranscriptTest {

    static final Path TRANSCRIPTS = Path.of("target", "transcripts");
    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    @Test
    @Order(1)
    void theWallsSessionIsRecorded() throws Exception {
        try (LiveClient wall = LiveClient.connect(root.getPort())) {
            wall.next(WAIT);
            long today = wall.latestTotal("today");
            String operation = "TRANSCRIPT-" + UUID.randomUUID().toString().substring(0, 8);

            post(mixOfExchanges());
            postOperationOpened(operation);

            assertThat(wall.awaitTotal("today", today + 12, WAIT)).isEqualTo(today + 12);
            // The opening may have come in the same delta as the exchanges, already read.
            Predicate<JsonNode> opened = m -> m.path("changes").path("operations").findValues("id").stream()
                    .anyMatch(id -> id.asText().equals(operation));
            if (wall.seen().stream().noneMatch(opened)) {
                wall.until(opened, WAIT);
            }
            record("wall", resynced(wall));
        }
    }

    @Test
    @Order(2)
    void aTaskForceSessionIsRecorded() throws Exception {
        try (LiveClient leader = LiveClient.connect(root.getPort())) {
            leader.next(WAIT);
            leader.send("{\"type\": \"subscribe\", \"views\": [\"alerts\", \"totals\", \"crimeAreas\", \"trendMinutes\", \"trendDays\", "
                    + "\"operations\"], \"taskForces\": [\"DRUGS\"], \"minutes\": 180, \"days\": 90}");
            leader.until(m -> m.get("type").asText().equals("snapshot") && m.get("subscription").get("taskForces").size() == 1, WAIT);
            long today = leader.latestTotal("today");

            post(mixOfExchanges());

            assertThat(leader.awaitTotal("today", today + 4, WAIT)).isEqualTo(today + 4);
            record("task-force-drugs", resynced(leader));
        }
    }

    @Test
    @Order(3)
    void theDashboardsMergeOfEachSessionEndsAtItsFreshSnapshot() throws Exception {
        Path node = ExternalTool.NODE.require();
        assertThat(NodeTests.run(node, List.of("web/test/transcripts.test.mjs"), TRANSCRIPTS))
                .as("node --test web/test/transcripts.test.mjs exit code").isZero();
    }

    /** Twelve exchanges over several task forces, parties and both channels; four of them drug trafficking. */
    static List<Map<String, Object>> mixOfExchanges() {
        List<Map<String, Object>> exchanges = new ArrayList<>();
        String[][] shapes = {
                {"RO", "BG", "DRUG_TRAFFICKING"}, {"BG", "RO", "DRUG_TRAFFICKING"}, {"TR", "GR", "DRUG_TRAFFICKING"},
                {"RS", "HU", "DRUG_TRAFFICKING"}, {"HR", "SI", "STOLEN_VEHICLES"}, {"MD", "RO", "ILLEGAL_IMMIGRATION"},
                {"AL", "IT", "HUMAN_TRAFFICKING"}, {"US", "RO", "TERRORISM"}, {"GR", "INTERPOL", "MONEY_LAUNDERING"},
                {"ME", "BA", "SMUGGLING_CUSTOMS_FRAUD"}, {"MK", "AL", "CONTAINER_SECURITY"}, {"HU", "AT", "ENVIRONMENTAL_CRIME"}};
        for (String[] shape : shapes) {
            exchanges.add(with(with(with(with(valid(SuiteClock.now()), "from", shape[0]), "to", shape[1]), "crimeArea", shape[2]),
                    "kind", exchanges.size() % 3 == 0 ? "INFORMATION" : "REQUEST"));
        }
        return exchanges;
    }

    static void post(List<Map<String, Object>> exchanges) {
        given().contentType(ContentType.JSON).body(exchanges).post("/api/v1/exchanges").then().statusCode(202);
    }

    static void postOperationOpened(String operation) {
        given().contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID().toString(), "operationId", operation,
                        "type", "OPENED", "occurredAt", SuiteClock.now().toString(), "name", "Transcript",
                        "operationKind", "REGIONAL_OPERATION", "taskForce", "DRUGS", "countries", List.of("RO", "BG")))
                .post("/api/v1/operations/events").then().statusCode(202);
    }

    /** Asks for a resync and returns every message of the session, the fresh snapshot last. */
    static List<JsonNode> resynced(LiveClient client) throws InterruptedException {
        client.send("{\"type\": \"resync\"}");
        client.until(m -> m.get("type").asText().equals("snapshot"), WAIT);
        return client.seen();
    }

    void record(String name, List<JsonNode> messages) throws Exception {
        ObjectNode transcript = MAPPER.createObjectNode();
        transcript.put("name", name);
        transcript.set("contract", MAPPER.readTree(given().get("/api/v1/contract").then().statusCode(200).extract().asString()));
        transcript.set("messages", MAPPER.valueToTree(messages));
        Files.createDirectories(TRANSCRIPTS);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(TRANSCRIPTS.resolve(name + ".json").toFile(), transcript);
    }
}
