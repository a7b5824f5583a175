package io.exchangepulse.report;

import io.exchangepulse.platform.CenterClock;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.SuiteClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The center's New Year on the running service, its clock set to the half minute before it: the last second of
 * 31 December (Bucharest time: 21:59:59 UTC) counts in the old year until midnight and is refused as a closed
 * year's after it, the first second counts in the new one, and the year just ended reports all of its December.
 */
@QuarkusTest
@Tag("component")
class NewYearTest {

    static final String DRUGS = "taskForces.find { it.taskForce == 'DRUGS' }";

    @Inject
    CenterClock clock;

    @AfterEach
    void backToTheSuitesTime() {
        clock.setTo(SuiteClock.now());
    }

    @Test
    void theOldYearClosesAtTheCentersMidnightAndItsReportHoldsItsLastSecond() {
        int year = SuiteClock.today().getYear();
        Instant newYear = SuiteClock.CALENDAR.startOfYear(year + 1);
        Instant lastSecond = newYear.minusSeconds(1);
        assertThat(lastSecond).isEqualTo(Instant.parse(year + "-12-31T21:59:59Z"));
        clock.setTo(newYear.minusSeconds(30));
        long december = monthOf(report(year), DRUGS, 12);
        long nextYear = monthOf(report(year + 1), DRUGS, 1);

        post(valid(lastSecond), valid(lastSecond)).then().statusCode(202);
        // Counted before the clock moves on: counting judges a record by its arrival read at the clock's offset then.
        Counts.awaitCaughtUp();
        clock.setTo(newYear.plusSeconds(30));
        post(valid(lastSecond)).then().statusCode(400)
                .body("errors[0].message", containsString("is in " + year + ", a closed year"));
        post(valid(newYear)).then().statusCode(202);
        Counts.awaitCaughtUp();

        assertThat(monthOf(report(year), DRUGS, 12)).as("the year just ended, to its last second").isEqualTo(december + 2);
        JsonPath next = report(year + 1);
        assertThat(monthOf(next, DRUGS, 1)).as("the new year from its first").isEqualTo(nextYear + 1);
        assertThat(next.getLong(DRUGS + ".total")).isEqualTo(nextYear + 1);
        assertThat(next.getBoolean("monthsKept")).isTrue();
    }

    /** A month's count of the task force; none while the year has no days counted (a year not begun). */
    static long monthOf(JsonPath report, String taskForce, int month) {
        List<Long> months = report.getList(taskForce + ".months", Long.class);
        return months == null || months.isEmpty() ? 0 : months.get(month - 1);
    }

    static JsonPath report(int year) {
        return given().get("/api/v1/reports/" + year).then().statusCode(200).extract().jsonPath();
    }

    @SafeVarargs
    static Response post(Map<String, Object>... exchanges) {
        return given().contentType(ContentType.JSON).body(List.of(exchanges)).post("/api/v1/exchanges");
    }
}
