package io.exchangepulse.it;

import io.exchangepulse.support.Management;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The packaged artifact, launched by Quarkus against the suite's services: the same checks can run
 * against the native executable ({@code ./mvnw verify -Dnative}) where GraalVM is installed.
 */
@QuarkusIntegrationTest
class PackagedApplicationIT {

    @Test
    void isReadyOnKafkaAloneShowsTheDatabaseAndCountingInItsHealthAndServesTheSeedsHistory() {
        given().baseUri(Management.url()).get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItems("Kafka connection health check"))
                .body("checks.name", not(hasItems("database")));
        given().baseUri(Management.url()).get("/q/health")
                .then().statusCode(200)
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'counting' }.status", equalTo("UP"));
        given().get("/api/v1/totals/yearly")
                .then().statusCode(200)
                .body("find { it.year == 2008 }.total", equalTo(9196));
        given().get("/api/v1/operations")
                .then().statusCode(200)
                .body("operations.find { it.id == 'TARA' }.arrests", equalTo(68));
    }

    @Test
    void exposesPrometheusMetricsOnTheManagementPortOnlyAndTheOpenApiDocument() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().baseUri(Management.url()).get("/q/metrics").then().statusCode(200)
                .body(containsString("pulse_live_viewers"))
                .body(containsString("pulse_live_delta_latency_seconds"))
                .body(containsString("pulse_counting_delay_seconds"))
                .body(containsString("pulse_dead_letters_pending"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
