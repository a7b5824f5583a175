package io.exchangepulse.aggregate;

import io.exchangepulse.support.Counts;
import io.exchangepulse.support.Windows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Thousands of exchanges, many of them sent more than once, counted exactly once in every family. */
@QuarkusTest
class ExactCountTest {

    static final String[] MEMBERS = {"AL", "BA", "BG", "HR", "GR", "HU", "MD", "MK", "ME", "RO", "RS", "SI", "TR"};
    static final String[] AREAS = {"DRUG_TRAFFICKING", "SMUGGLING_CUSTOMS_FRAUD", "ILLEGAL_IMMIGRATION", "TERRORISM"};

    @Test
    void resentIdsAreCountedOnceInEveryFamily() {
        Instant window = Windows.fresh();
        Random random = new Random(7);
        List<Map<String, Object>> originals = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            String from = MEMBERS[random.nextInt(MEMBERS.length)];
            String to = MEMBERS[(List.of(MEMBERS).indexOf(from) + 1 + random.nextInt(MEMBERS.length - 1)) % MEMBERS.length];
            var exchange = with(with(with(valid(window.plusSeconds(random.nextInt(3600))), "from", from), "to", to),
                    "crimeArea", AREAS[random.nextInt(AREAS.length)]);
            originals.add(random.nextInt(10) == 0 ? with(exchange, "to", "US") : exchange);
        }
        for (int start = 0; start < originals.size(); start += 500) {
            List<Map<String, Object>> batch = new ArrayList<>(originals.subList(start, start + 500));
            // A client that resends: a fifth of the batch again, some twice within the same request.
            batch.addAll(originals.subList(start, start + 100));
            if (start > 0) {
                batch.addAll(originals.subList(start - 250, start - 150));
            }
            post(batch);
        }
        post(originals.subList(0, 1_000));

        Counts.awaitCaughtUp();

        assertThat(Counts.inHour(window)).isEqualTo(4_000);
        Map<String, Long> byTaskForce = trendTotals(window);
        assertThat(byTaskForce.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4_000);
        for (String area : AREAS) {
            long expected = originals.stream().filter(e -> e.get("crimeArea").equals(area)).count();
            String taskForce = switch (area) {
                case "DRUG_TRAFFICKING" -> "DRUGS";
                case "ILLEGAL_IMMIGRATION" -> "HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION";
                default -> area;
            };
            assertThat(byTaskForce.get(taskForce)).as(area).isEqualTo(expected);
        }
    }

    static void post(List<Map<String, Object>> batch) {
        given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/exchanges")
                .then().statusCode(202).body("accepted", equalTo(batch.size()));
    }

    static Map<String, Long> trendTotals(Instant window) {
        List<Map<String, Object>> series = given()
                .queryParam("from", window.toString())
                .queryParam("to", window.plus(Duration.ofHours(1)).toString())
                .queryParam("step", "PT1M")
                .get("/api/v1/task-forces/trend")
                .then().statusCode(200)
                .body("series.size()", equalTo(8))
                .body("series[0].counts.size()", equalTo(60))
                .extract().jsonPath().getList("series");
        Map<String, Long> totals = new java.util.HashMap<>();
        series.forEach(s -> totals.put((String) s.get("taskForce"), ((Number) s.get("total")).longValue()));
        return totals;
    }
}
