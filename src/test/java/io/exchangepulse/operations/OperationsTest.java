package io.exchangepulse.operations;

import io.exchangepulse.support.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@Tag("component")
class OperationsTest {

    /** Its own operation, so that no other test's events (the Balkan Route of src/docs/api.md) mix in. */
    static final String OPERATION = "ROUTE-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theSeedsOperationsAreOnTheBoard() {
        given().get("/api/v1/operations")
                .then().statusCode(200)
                .body("operations.id", hasItems("TARA", "DORA", "ROTUS", "BANKOMAT", "FLASH", "COTTON", "ARKADAS", "HURRICANE-II",
                        "SHADOW-III"))
                .body("operations.find { it.id == 'TARA' }.countries", equalTo(List.of("BA", "TR", "HR", "ME", "MK", "RS", "SI", "AT")))
                .body("operations.find { it.id == 'TARA' }.meetings", equalTo(2))
                .body("operations.find { it.id == 'TARA' }.arrests", equalTo(68))
                .body("operations.find { it.id == 'TARA' }.results.find { it.country == 'HR' }.arrests", equalTo(46))
                .body("operations.find { it.id == 'TARA' }.results.find { it.country == 'BA' }.seizures", equalTo(List.of("VEHICLES")))
                .body("operations.find { it.id == 'DORA' }.arrests", equalTo(25))
                .body("operations.find { it.id == 'COTTON' }.results[0].amountEur", equalTo(1600000))
                .body("operations.find { it.id == 'ARKADAS' }.taskForce", nullValue());
    }

    @Test
    void anOperationGoesThroughItsLifeAndARedeliveredEventCountsOnce() {
        String result = event("RESULT", "2026-03-24T10:00:00Z", "\"country\": \"HR\", \"arrests\": 12, \"seizures\": [\"DRUGS\", \"CASH\"], \"amountEur\": 50000");
        given().contentType(ContentType.JSON).body("[" + String.join(",",
                        event("OPENED", "2026-03-01T08:00:00Z", "\"name\": \"Balkan Route\", \"operationKind\": \"JOINT_INVESTIGATION\", "
                                + "\"taskForce\": \"DRUGS\", \"countries\": [\"RO\", \"HR\", \"AT\"]"),
                        event("OPERATIONAL_MEETING", "2026-03-10T08:00:00Z", "\"place\": \"Bucharest\""),
                        event("COORDINATED_ACTION", "2026-03-24T06:00:00Z", "\"place\": \"Zagreb\""),
                        result) + "]")
                .post("/api/v1/operations/events")
                .then().statusCode(202).body("accepted", equalTo(4));
        given().contentType(ContentType.JSON).body(result)
                .post("/api/v1/operations/events")
                .then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("taskForce", "DRUGS").get("/api/v1/operations")
                .then().statusCode(200)
                .body("operations.find { it.id == '" + OPERATION + "' }.status", equalTo("ACTION_TAKEN"))
                .body("operations.find { it.id == '" + OPERATION + "' }.meetings", equalTo(1))
                .body("operations.find { it.id == '" + OPERATION + "' }.actions", equalTo(List.of("2026-03-24T06:00:00Z")))
                .body("operations.find { it.id == '" + OPERATION + "' }.results", hasSize(1))
                .body("operations.find { it.id == '" + OPERATION + "' }.arrests", equalTo(12))
                .body("operations.find { it.id == '" + OPERATION + "' }.countries", equalTo(List.of("RO", "HR", "AT"))));

        given().contentType(ContentType.JSON).body(event("CLOSED", "2026-04-01T08:00:00Z", null))
                .post("/api/v1/operations/events").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("status", "CLOSED").get("/api/v1/operations")
                .then().body("operations.id", hasItems(OPERATION)));
    }

    @Test
    void aSecondOpeningIsRefusedAndStraightFromKafkaItIsADeadLetterThatChangesNothing() {
        String taken = "TAKEN-" + UUID.randomUUID().toString().substring(0, 8);
        String second = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body("[" + opened(UUID.randomUUID().toString(), taken, "First name", "DRUGS") + "]")
                .post("/api/v1/operations/events").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/operations")
                .then().body("operations.find { it.id == '" + taken + "' }.name", equalTo("First name")));

        given().contentType(ContentType.JSON).body("[" + opened(second, taken, "Hijacked", "TERRORISM") + "]")
                .post("/api/v1/operations/events").then().statusCode(403)
                .body("errors[0].message", containsString("already opened"));
        // Straight into Kafka, past the API's check, the consumer refuses it.
        KafkaTopics.produce("pulse.operation-events", taken, opened(second, taken, "Hijacked", "TERRORISM").getBytes(StandardCharsets.UTF_8));

        var letter = await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.readAll("pulse.events.dead-letter").stream()
                .filter(r -> new String(r.value() == null ? new byte[0] : r.value(), StandardCharsets.UTF_8).contains(second))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(new String(letter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("conflict").contains(taken);
        given().get("/api/v1/operations").then()
                .body("operations.find { it.id == '" + taken + "' }.name", equalTo("First name"))
                .body("operations.find { it.id == '" + taken + "' }.taskForce", equalTo("DRUGS"));
    }

    @Test
    void arrestsAreBoundedSoThatNoResultCanOverflowTheBoard() {
        String big = "BIG-" + UUID.randomUUID().toString().substring(0, 8);
        String result = "{\"id\": \"" + UUID.randomUUID() + "\", \"operationId\": \"" + big + "\", \"type\": \"RESULT\", "
                + "\"occurredAt\": \"2026-03-24T10:00:00Z\", \"country\": \"RO\", \"arrests\": %d}";
        given().contentType(ContentType.JSON).body("[" + opened(UUID.randomUUID().toString(), big, "Big", "DRUGS") + ", "
                        + result.formatted(3_000_000_000L) + "]")
                .post("/api/v1/operations/events").then().statusCode(400)
                .body("errors.find { it.field == 'arrests' }.message", containsString("100,000"));

        given().contentType(ContentType.JSON).body("[" + opened(UUID.randomUUID().toString(), big, "Big", "DRUGS") + ", "
                        + result.formatted(100_000L) + "]")
                .post("/api/v1/operations/events").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/operations")
                .then().body("operations.find { it.id == '" + big + "' }.arrests", equalTo(100_000)));
    }

    static String opened(String id, String operation, String name, String taskForce) {
        return "{\"id\": \"" + id + "\", \"operationId\": \"" + operation + "\", \"type\": \"OPENED\", "
                + "\"occurredAt\": \"2026-03-01T08:00:00Z\", \"name\": \"" + name + "\", \"operationKind\": \"JOINT_INVESTIGATION\", "
                + "\"taskForce\": \"" + taskForce + "\", \"countries\": [\"RO\", \"BG\"]}";
    }

    @Test
    void invalidEventsAreRejectedWithTheirFields() {
        given().contentType(ContentType.JSON).body(List.of(Map.of("id", UUID.randomUUID().toString(),
                        "operationId", "TARA", "type", "RESULT", "occurredAt", "2026-03-24T10:00:00Z", "victimName", "x")))
                .post("/api/v1/operations/events")
                .then().statusCode(400)
                .body("errors.field", hasItems("victimName", "country", "arrests"))
                .body("detail", containsString("nothing was accepted"));
    }

    static String event(String type, String occurredAt, String fields) {
        return "{\"id\": \"" + UUID.randomUUID() + "\", \"operationId\": \"" + OPERATION + "\", \"type\": \"" + type
                + "\", \"occurredAt\": \"" + occurredAt + "\"" + (fields == null ? "" : ", " + fields) + "}";
    }
}
