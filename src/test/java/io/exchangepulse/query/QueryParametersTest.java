package io.exchangepulse.query;

import io.exchangepulse.support.Counts;
import io.exchangepulse.support.SuiteClock;
import io.exchangepulse.support.Windows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@Tag("component")
class QueryParametersTest {

    @Test
    void trendsAndFlowsCountTheRightBuckets() {
        Instant window = Windows.fresh();
        // Pairs no other test sends: the flows below span days, which other tests count in too.
        given().contentType(ContentType.JSON).body(List.of(
                        between(valid(window.plusSeconds(30)), "SI", "JP"),
                        between(valid(window.plusSeconds(90)), "SI", "JP"),
                        with(between(valid(window.plusSeconds(95)), "GE", "MK"), "crimeArea", "TERRORISM"),
                        between(valid(window.plusSeconds(3000)), "SI", "CA")))
                .post("/api/v1/exchanges").then().statusCode(202);
        Counts.awaitCaughtUp();

        given().queryParam("from", window.toString()).queryParam("to", window.plus(Duration.ofMinutes(3)).toString())
                .queryParam("taskForce", "DRUGS").queryParam("taskForce", "TERRORISM")
                .get("/api/v1/task-forces/trend")
                .then().statusCode(200)
                .body("step", equalTo("PT1M"))
                .body("series", hasSize(2))
                .body("series.find { it.taskForce == 'DRUGS' }.counts", equalTo(List.of(1, 1, 0)))
                .body("series.find { it.taskForce == 'TERRORISM' }.counts", equalTo(List.of(0, 1, 0)));
        given().queryParam("from", window.toString()).queryParam("to", window.plus(Duration.ofDays(1)).toString())
                .queryParam("step", "PT1H")
                .get("/api/v1/task-forces/trend")
                .then().statusCode(200)
                .body("series.find { it.taskForce == 'DRUGS' }.counts[0]", equalTo(3))
                .body("series.find { it.taskForce == 'DRUGS' }.counts.size()", equalTo(24));
        // From mid-minute to mid-day: minutes, hours and days are combined; the two SI-JP in the first two minutes,
        // GE-MK, and SI-CA at minute 50.
        given().queryParam("from", window.minus(Duration.ofDays(3)).plusSeconds(1).toString())
                .queryParam("to", window.plus(Duration.ofHours(5)).plusSeconds(1).toString())
                .get("/api/v1/flows")
                .then().statusCode(200)
                .body("find { it.from == 'SI' && it.to == 'JP' }.count", equalTo(2))
                .body("find { it.from == 'GE' && it.to == 'MK' }.count", equalTo(1))
                .body("find { it.from == 'SI' && it.to == 'CA' }.count", equalTo(1));
    }

    static Map<String, Object> between(Map<String, Object> exchange, String from, String to) {
        return with(with(exchange, "from", from), "to", to);
    }

    @Test
    void extremeInstantsAndRangesAre400NamingTheParameterNever500() {
        given().queryParam("from", "-1000000000-01-01T00:00:00Z").get("/api/v1/flows")
                .then().statusCode(400).body("detail", containsString("from must be from 1900"));
        given().queryParam("to", "+1000000000-01-01T00:00:00Z").get("/api/v1/task-forces/trend")
                .then().statusCode(400).body("detail", containsString("to must be from 1900"));
        given().queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z").get("/api/v1/flows")
                .then().statusCode(400).body("detail", containsString("longer than 400 days"));
        given().queryParam("year", "99999").get("/api/v1/crime-areas")
                .then().statusCode(400).body("detail", containsString("year must be from 1900 to 2199"));
        given().queryParam("step", "P999999999D").get("/api/v1/task-forces/trend")
                .then().statusCode(400).body("detail", containsString("step"));
    }

    @Test
    void aQueryFinerThanWhatIsKeptIsA400NamingTheLimit() {
        Instant longAgo = SuiteClock.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.DAYS);

        given().queryParam("from", longAgo.toString()).queryParam("to", longAgo.plus(Duration.ofHours(1)).toString())
                .get("/api/v1/task-forces/trend")
                .then().statusCode(400)
                .body("detail", containsString("minutes are kept for 35 days (EXCHANGEPULSE_COUNTERS_MINUTE_RETENTION)"))
                .body("detail", containsString("coarser step"));
        given().queryParam("from", longAgo.toString()).queryParam("to", longAgo.plus(Duration.ofDays(1)).toString())
                .queryParam("step", "PT1H")
                .get("/api/v1/task-forces/trend")
                .then().statusCode(200);
        given().queryParam("from", longAgo.plus(Duration.ofMinutes(7)).toString()).queryParam("to", longAgo.plus(Duration.ofDays(2)).toString())
                .get("/api/v1/flows")
                .then().statusCode(400)
                .body("detail", containsString("the range begins or ends inside a minute no longer kept"));
        given().queryParam("from", longAgo.toString()).queryParam("to", longAgo.plus(Duration.ofDays(2)).toString())
                .get("/api/v1/flows")
                .then().statusCode(200);
    }

    @Test
    void badParametersAreNamed() {
        given().queryParam("step", "PT5M").get("/api/v1/task-forces/trend")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("step"));
        given().queryParam("from", "yesterday").get("/api/v1/task-forces/trend")
                .then().statusCode(400).body("detail", containsString("from"));
        given().queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2019-01-01T00:00:00Z").get("/api/v1/flows")
                .then().statusCode(400).body("detail", containsString("before"));
        given().queryParam("from", "2000-01-01T00:00:00Z").queryParam("to", "2020-01-01T00:00:00Z").get("/api/v1/task-forces/trend")
                .then().statusCode(400).body("detail", containsString("steps"));
        given().queryParam("year", "0").get("/api/v1/crime-areas")
                .then().statusCode(400).body("detail", containsString("year"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryFieldWithAnExample() {
        Map<String, Map<String, Object>> schemas = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/exchanges'.post.responses.'202'.description", equalTo("Every exchange is in the log"))
                .extract().jsonPath().getMap("components.schemas");

        assertThat(schemas).containsKeys("Exchange", "OperationEvent", "Problem", "YearlyTotals", "CrimeAreaCount",
                "TaskForceTrend", "Flow", "Operation");
        schemas.forEach((name, schema) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
            properties.forEach((property, definition) -> {
                assertThat(definition).as(name + "." + property + " has a description").containsKey("description");
                boolean arrayOfObjects = "array".equals(definition.get("type"))
                        && ((Map<?, ?>) definition.get("items")).containsKey("$ref");
                if (!arrayOfObjects) {
                    assertThat(definition).as(name + "." + property + " has an example").containsKey("examples");
                }
            });
        });
    }
}
