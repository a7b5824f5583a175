package io.exchangepulse.report;

import io.exchangepulse.support.Callers;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.Windows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The annual report from the counters: the seed's figures for 2008 exactly, live years by month, and its CSV. */
@QuarkusTest
@Tag("component")
class ReportTest {

    @Test
    void the2008ReportIsTheSeedsTwoTablesBesideThe2007Figures() {
        JsonPath report = given().get("/api/v1/reports/2008").then().statusCode(200).extract().jsonPath();

        assertThat(report.getInt("totals.total")).isEqualTo(9196);
        assertThat(report.getInt("totals.membersDaily")).isEqualTo(8323);
        assertThat(report.getInt("totals.membersOperations")).isEqualTo(495);
        assertThat(report.getInt("totals.memberObserverDaily")).isEqualTo(378);
        assertThat(report.getInt("previousTotals.total")).isEqualTo(7583);
        assertThat(report.getList("crimeAreas.crimeArea")).hasSize(11).startsWith("HUMAN_TRAFFICKING", "ILLEGAL_IMMIGRATION");
        assertThat(report.getInt("crimeAreas.find { it.crimeArea == 'SMUGGLING_CUSTOMS_FRAUD' }.information")).isEqualTo(6061);
        assertThat(report.getList("crimeAreas.requests", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(676);
        assertThat(report.getInt("taskForces.find { it.taskForce == 'DRUGS' }.total")).isEqualTo(1464);
        assertThat(report.getBoolean("monthsKept")).as("the seed is yearly").isFalse();
        assertThat(report.get("taskForces[0].months") == null).isTrue();
    }

    @Test
    void aLiveYearIsKeptByMonthAndAnExchangeLandsInItsMonth() {
        Instant window = Windows.fresh();
        int year = window.atOffset(ZoneOffset.UTC).getYear();
        int month = window.atOffset(ZoneOffset.UTC).getMonthValue();
        String drugs = "taskForces.find { it.taskForce == 'DRUGS' }";
        long before = monthOf(given().get("/api/v1/reports/" + year).jsonPath(), drugs, month);

        given().contentType(ContentType.JSON).body(List.of(valid(window), valid(window))).post("/api/v1/exchanges")
                .then().statusCode(202);
        Counts.awaitCaughtUp();

        JsonPath report = given().get("/api/v1/reports/" + year).then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("monthsKept")).isTrue();
        assertThat(monthOf(report, drugs, month)).isEqualTo(before + 2);
        assertThat(report.getList(drugs + ".months")).hasSize(12);
    }

    @Test
    void theCsvHoldsTheSameTablesForASpreadsheet() {
        String csv = given().get("/api/v1/reports/2008.csv")
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("exchange-pulse-report-2008.csv"))
                .extract().asString();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Exchange Pulse annual report,2008");
        assertThat(lines).contains("Total exchanges,2008,2007,Change", "\"Members, daily\",8323,6561,1762", "Total,9196,7583,1613");
        assertThat(lines).anyMatch(line -> line.startsWith("Smuggling") && line.contains(",274,6061,6335,"));
        assertThat(lines).anyMatch(line -> line.startsWith("Task force,2008,2007,Change,Jan,"));
    }

    @Test
    void aYearOutOfRangeIsA400AndTheReportIsTheWholeCentersSoNotALeaders() {
        given().get("/api/v1/reports/1899").then().statusCode(400).body("detail", equalTo("year must be from 1900 to 2199, not 1899"));
        given().get("/api/v1/reports/2008").then().statusCode(200).body("previousTotals.memberObserverOperations", nullValue());
        given().header(Callers.as("leader-drugs")).get("/api/v1/reports/2008").then().statusCode(403);
        given().header(Callers.as("liaison-ro")).get("/api/v1/reports/2008.csv").then().statusCode(403);
        given().header(Callers.anonymous()).get("/api/v1/reports/2008").then().statusCode(401);
    }

    static long monthOf(JsonPath report, String taskForce, int month) {
        List<Long> months = report.getList(taskForce + ".months", Long.class);
        return months == null ? 0 : months.get(month - 1);
    }
}
