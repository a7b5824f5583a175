package io.exchangepulse.query;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The seed's tables come back exactly: closed years, which no test can count in. */
@QuarkusTest
@Tag("component")
class SeedHistoryTest {

    @Test
    void theYearlyTotalsOf2006To2008AreTheSeeds() {
        List<Map<String, Object>> years = given().get("/api/v1/totals/yearly")
                .then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.year <= 2008 }");

        assertThat(years).containsExactly(
                Map.of("year", 2006, "membersDaily", 4334, "membersOperations", 1069, "memberObserverDaily", 550, "total", 5953),
                Map.of("year", 2007, "membersDaily", 6561, "membersOperations", 532, "memberObserverDaily", 490, "total", 7583),
                Map.of("year", 2008, "membersDaily", 8323, "membersOperations", 495, "memberObserverDaily", 378, "total", 9196));
    }

    @Test
    void theCrimeAreaTableOf2008IsTheSeedsWithEveryAreaPresent() {
        given().queryParam("year", 2008).get("/api/v1/crime-areas")
                .then().statusCode(200)
                .body("", hasSize(11))
                .body("find { it.crimeArea == 'HUMAN_TRAFFICKING' }.requests", equalTo(58))
                .body("find { it.crimeArea == 'HUMAN_TRAFFICKING' }.information", equalTo(8))
                .body("find { it.crimeArea == 'ILLEGAL_IMMIGRATION' }.requests", equalTo(92))
                .body("find { it.crimeArea == 'ILLEGAL_IMMIGRATION' }.information", equalTo(87))
                .body("find { it.crimeArea == 'DRUG_TRAFFICKING' }.taskForce", equalTo("DRUGS"))
                .body("find { it.crimeArea == 'DRUG_TRAFFICKING' }.requests", equalTo(112))
                .body("find { it.crimeArea == 'DRUG_TRAFFICKING' }.information", equalTo(1352))
                .body("find { it.crimeArea == 'SMUGGLING_CUSTOMS_FRAUD' }.requests", equalTo(274))
                .body("find { it.crimeArea == 'SMUGGLING_CUSTOMS_FRAUD' }.information", equalTo(6061))
                .body("find { it.crimeArea == 'COUNTERFEIT_CURRENCY' }.requests", equalTo(11))
                .body("find { it.crimeArea == 'COUNTERFEIT_CURRENCY' }.information", equalTo(39))
                .body("find { it.crimeArea == 'MONEY_LAUNDERING' }.requests", equalTo(29))
                .body("find { it.crimeArea == 'MONEY_LAUNDERING' }.information", equalTo(26))
                .body("find { it.crimeArea == 'STOLEN_VEHICLES' }.requests", equalTo(40))
                .body("find { it.crimeArea == 'STOLEN_VEHICLES' }.information", equalTo(13))
                .body("find { it.crimeArea == 'TERRORISM' }.requests", equalTo(5))
                .body("find { it.crimeArea == 'TERRORISM' }.information", equalTo(1))
                .body("find { it.crimeArea == 'CONTAINER_SECURITY' }.requests", equalTo(3))
                .body("find { it.crimeArea == 'CONTAINER_SECURITY' }.information", equalTo(1))
                .body("find { it.crimeArea == 'ECONOMIC_CRIME' }.taskForce", equalTo("FINANCIAL_COMPUTER_CRIME"))
                .body("find { it.crimeArea == 'ECONOMIC_CRIME' }.requests", equalTo(52))
                .body("find { it.crimeArea == 'ECONOMIC_CRIME' }.information", equalTo(4))
                .body("find { it.crimeArea == 'ENVIRONMENTAL_CRIME' }.requests", equalTo(0))
                .body("find { it.crimeArea == 'ENVIRONMENTAL_CRIME' }.information", equalTo(0));
    }

    @Test
    void aYearWithoutExchangesHasEveryAreaAtZero() {
        given().queryParam("year", 2003).get("/api/v1/crime-areas")
                .then().statusCode(200)
                .body("", hasSize(11))
                .body("requests.sum()", equalTo(0))
                .body("information.sum()", equalTo(0));
    }
}
