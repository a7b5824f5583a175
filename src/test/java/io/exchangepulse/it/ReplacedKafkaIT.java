package io.exchangepulse.it;

import io.exchangepulse.embedded.EmbeddedKafka;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.Windows;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The database outlives its Kafka (a new cluster, or the topic deleted and made again): positions stored
 * for the old topic must not make the service skip the new topic's first records.
 */
class ReplacedKafkaIT {

    @Test
    void aNewTopicIsCountedFromItsBeginningAndTheOldCountsStay() throws Exception {
        PulseServices.startOnce();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-services")), "replaced-");
        String database = PulseServices.newDatabase("replaced");
        Instant before = Windows.fresh();
        Instant after = Windows.fresh();

        try (EmbeddedKafka first = EmbeddedKafka.start(dir.resolve("first"));
             ServiceProcess service = countIn(first, database, before, 40)) {
            service.stop(Duration.ofSeconds(30));
        }
        try (EmbeddedKafka second = EmbeddedKafka.start(dir.resolve("second"));
             ServiceProcess service = countIn(second, database, after, 5)) {
            assertThat(Counts.inHour(before)).as("the old topic's counts").isEqualTo(40);
            service.stop(Duration.ofSeconds(30));
        }
    }

    /** Starts the service on this broker and database, posts {@code count} exchanges and waits for all of them. */
    private static ServiceProcess countIn(EmbeddedKafka broker, String database, Instant window, int count) throws Exception {
        ServiceProcess service = ServiceProcess.start("replaced-" + count, Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "QUARKUS_DATASOURCE_REACTIVE_URL", database))
                .awaitReady(Duration.ofSeconds(90));
        RestAssured.port = service.port();
        List<Map<String, Object>> exchanges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            exchanges.add(valid(window.plusSeconds(i)));
        }
        given().contentType(ContentType.JSON).body(exchanges).post("/api/v1/exchanges").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().port(service.managementPort()).get("/q/health/ready").then().statusCode(200));
        await().atMost(Duration.ofSeconds(60)).until(() -> Counts.inHour(window) == count);
        given().queryParam("from", window.toString()).queryParam("to", window.plus(Duration.ofHours(1)).toString())
                .get("/api/v1/flows").then().body("count.sum()", equalTo(count));
        return service;
    }
}
