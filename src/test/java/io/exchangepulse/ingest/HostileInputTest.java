package io.exchangepulse.ingest;

import io.exchangepulse.support.Counts;
import io.exchangepulse.support.SuiteClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Requests built to hurt: history rewritten, bodies that would fill the heap, answers that would grow without bound. */
@QuarkusTest
@Tag("component")
class HostileInputTest {

    @Test
    void aClosedYearCannotBeChangedAndTheSeedsHistoryStays() {
        for (String occurredAt : List.of("2008-05-01T00:00:00Z", "1900-01-01T00:00:00Z", "-5000-01-01T00:00:00Z")) {
            given().contentType(ContentType.JSON).body(List.of(with(valid(SuiteClock.now()), "occurredAt", occurredAt)))
                    .post("/api/v1/exchanges")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("occurredAt"))
                    .body("errors[0].message", containsString("a closed year"));
        }
        Counts.awaitCaughtUp();
        given().get("/api/v1/totals/yearly").then().statusCode(200)
                .body("find { it.year == 2008 }.total", equalTo(9196))
                .body("year", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.greaterThanOrEqualTo(2006)));
    }

    @Test
    void anExchangeMoreThanAWeekLateIsRefusedNamingTheWindow() {
        Instant late = SuiteClock.now().minus(Duration.ofDays(8));
        given().contentType(ContentType.JSON).body(List.of(with(valid(SuiteClock.now()), "occurredAt", late.toString())))
                .post("/api/v1/exchanges")
                .then().statusCode(400)
                .body("errors[0].message", containsString("more than 7 days before"));
    }

    @Test
    void anEightMegabyteArrayOfEmptyObjectsIsRefusedWhileReadingIt() {
        String body = "[" + "{},".repeat(8 * 1024 * 1024 / 3) + "{}]";

        Response answer = given().contentType(ContentType.JSON).body(body).post("/api/v1/exchanges");

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.asByteArray().length).isLessThan(1024);
    }

    @Test
    void aFourMegabyteObjectOfUnknownFieldsIsRefusedWithASmallAnswer() {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; body.length() < 4 * 1024 * 1024; i++) {
            body.append("\"field").append(i).append("\": ").append(i).append(", ");
        }
        body.append("\"last\": 0}");

        Response answer = given().contentType(ContentType.JSON).body(body.toString()).post("/api/v1/exchanges");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.asString()).contains("more than 32 fields");
        assertThat(answer.asByteArray().length).isLessThan(1024);
    }

    @Test
    void thousandsOfBrokenItemsListTheFirstHundredProblemsAndCountTheRest() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            items.add(with(valid(SuiteClock.now()), "x".repeat(500) + i, "unknown"));
        }

        Response answer = given().contentType(ContentType.JSON).body(items).post("/api/v1/exchanges");

        answer.then().statusCode(400)
                .body("errors", hasSize(100))
                .body("errorCount", equalTo(5_000))
                .body("detail", containsString("the first 100 of 5000 problems are listed"));
        assertThat(answer.jsonPath().getString("errors[0].field")).hasSizeLessThanOrEqualTo(43);
        assertThat(answer.asByteArray().length).isLessThan(20_000);
    }

    @Test
    void anItemWithAnOverlongArrayEndsTheRequest() {
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("id", "x", "countries", java.util.Collections.nCopies(100, "RO"))))
                .post("/api/v1/operations/events")
                .then().statusCode(400).body("detail", containsString("an array of more than 64 elements"));
    }

    @Test
    void anItemThatIsNotAnObjectIsNamed() {
        given().contentType(ContentType.JSON).body("[[1, 2], \"text\", 7]")
                .post("/api/v1/exchanges")
                .then().statusCode(400)
                .body("errors.index", equalTo(List.of(0, 1, 2)))
                .body("errors.message", org.hamcrest.Matchers.everyItem(containsString("must be a JSON object")));
    }
}
