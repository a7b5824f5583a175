package io.exchangepulse.archive;

import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.SuiteClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A closed year changes only by an archive import: written as yearly counters, never over counted history. */
@QuarkusTest
@Tag("component")
class ArchiveTest {

    static final String TOTALS = """
            {"membersDaily": 3000, "membersOperations": 400, "memberObserverDaily": 200, "memberObserverOperations": 0,
             "crimeAreas": [{"crimeArea": "DRUG_TRAFFICKING", "requests": 90, "information": 900},
                            {"crimeArea": "ILLEGAL_IMMIGRATION", "requests": 10, "information": 20}]}""";

    @TestHTTPResource("/")
    URL root;

    @Test
    void anArchivedYearIsWrittenAsItsTablesReplacedByAnotherImportAndShownLive() throws Exception {
        try (LiveClient wall = LiveClient.connect(root.getPort())) {
            wall.next(Duration.ofSeconds(20));
            given().contentType(ContentType.JSON).body(TOTALS.replace("3000", "1")).put("/api/v1/archive/2004").then().statusCode(204);

            given().contentType(ContentType.JSON).body(TOTALS).put("/api/v1/archive/2004").then().statusCode(204);

            given().get("/api/v1/totals/yearly").then()
                    .body("find { it.year == 2004 }.total", equalTo(3600))
                    .body("find { it.year == 2004 }.membersDaily", equalTo(3000));
            given().queryParam("year", 2004).get("/api/v1/crime-areas").then()
                    .body("find { it.crimeArea == 'DRUG_TRAFFICKING' }.information", equalTo(900));
            given().queryParam("from", "2004-01-01T00:00:00Z").queryParam("to", "2005-01-01T00:00:00Z").queryParam("step", "P1D")
                    .get("/api/v1/task-forces/trend").then().statusCode(200);
            // Every replica reloads its live view: the wall's yearly table gets the archived year.
            wall.until(m -> m.path("changes").path("yearly").findValues("total").stream().anyMatch(t -> t.asLong() == 3600),
                    Duration.ofSeconds(20));
        }
    }

    @Test
    void theSeedsYearsTheCurrentYearAndBadTotalsAreRefused() {
        given().contentType(ContentType.JSON).body(TOTALS).put("/api/v1/archive/2008")
                .then().statusCode(409).body("detail", containsString("never replaces"));
        int thisYear = SuiteClock.today().getYear();
        given().contentType(ContentType.JSON).body(TOTALS).put("/api/v1/archive/" + thisYear)
                .then().statusCode(400).body("detail", containsString("a closed year"));
        given().contentType(ContentType.JSON).body(TOTALS.replace("3000", "-1")).put("/api/v1/archive/2003")
                .then().statusCode(400).body("detail", containsString("negative"));
        given().get("/api/v1/totals/yearly").then().body("find { it.year == 2008 }.total", equalTo(9196));
    }
}
