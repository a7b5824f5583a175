package io.exchangepulse.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.platform.CenterClock;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.SuiteClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live wall over the center's midnight, on the service's clock set to the minute before it: "today" starts
 * from zero at the center's midnight (21:00 UTC in Bucharest's summer), not UTC's, on a quiet wall too, and the
 * day trend moves on by one day with yesterday's count in it. The suite's day is the only one set ahead to:
 * the hours after it are no test's.
 */
@QuarkusTest
@Tag("component")
class CenterMidnightTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final LocalDate DAY = SuiteClock.today();

    @TestHTTPResource("/")
    URL root;

    @Inject
    CenterClock clock;

    @AfterEach
    void backToTheSuitesTime() {
        clock.setTo(SuiteClock.now());
    }

    @Test
    void todayStartsAgainAtTheCentersMidnightAndTheDayTrendMovesOn() throws Exception {
        Instant midnight = SuiteClock.CALENDAR.startOf(DAY.plusDays(1));
        assertThat(midnight).as("Bucharest's summer midnight").isEqualTo(DAY.atTime(21, 0).toInstant(ZoneOffset.UTC));
        clock.setTo(midnight.minusSeconds(40));
        try (LiveClient wall = LiveClient.connect(root.getPort())) {
            JsonNode snapshot = wall.until(m -> m.get("type").asText().equals("snapshot"), WAIT);
            assertThat(snapshot.at("/views/totals/date").asText()).isEqualTo(DAY.toString());
            long before = wall.latestTotal("today");
            post(3, clock.instant(), "DRUG_TRAFFICKING");
            assertThat(wall.awaitTotal("today", before + 3, WAIT)).isEqualTo(before + 3);

            clock.setTo(midnight.plusSeconds(1));
            // A new day is a new snapshot: every view's window moves with it.
            JsonNode turned = wall.until(m -> DAY.plusDays(1).toString().equals(m.at("/views/totals/date").asText()), WAIT);
            assertThat(turned.at("/views/totals/today").asLong()).as("a quiet wall at midnight").isZero();
            assertThat(turned.at("/views/yearly").findValues("year")).extracting(JsonNode::asInt)
                    .as("the center's year, whose bucket begins on 31 December in UTC").contains(DAY.getYear());
            JsonNode days = turned.at("/views/trendDays");
            assertThat(Instant.parse(days.get("to").asText())).as("the day trend gains a day")
                    .isEqualTo(SuiteClock.CALENDAR.startOf(DAY.plusDays(2)));

            post(2, clock.instant(), "DRUG_TRAFFICKING");
            assertThat(wall.awaitTotal("today", 2, WAIT)).isEqualTo(2);
            wall.send("{\"type\": \"resync\"}");
            JsonNode fresh = wall.until(m -> m.get("type").asText().equals("snapshot"), WAIT);
            JsonNode drugs = series(fresh.at("/views/trendDays/series"), "DRUGS");
            int last = drugs.size() - 1;
            assertThat(drugs.get(last).asLong()).as("today's step").isEqualTo(2);
            assertThat(drugs.get(last - 1).asLong()).as("yesterday's step holds yesterday's count").isGreaterThanOrEqualTo(3);
        }
    }

    static JsonNode series(JsonNode all, String taskForce) {
        for (JsonNode one : all) {
            if (one.get("taskForce").asText().equals(taskForce)) {
                return one.get("counts");
            }
        }
        throw new AssertionError("no series of " + taskForce + " in " + all);
    }

    static void post(int count, Instant at, String crimeArea) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(with(valid(at), "crimeArea", crimeArea));
        }
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/exchanges").then().statusCode(202);
    }
}
