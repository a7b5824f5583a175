package io.exchangepulse.it;

import io.exchangepulse.embedded.EmbeddedKafka;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.SuiteClock;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** When the log cannot take a request, the client hears 503 with Retry-After, not a hang or a 500. */
class KafkaOutageIT {

    @Test
    void aRequestKafkaCannotTakeIsAnswered503WithRetryAfter() throws Exception {
        PulseServices.startOnce();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-services")), "outage-");
        EmbeddedKafka broker = EmbeddedKafka.start(dir);
        try (ServiceProcess service = ServiceProcess.start("kafka-outage", Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "QUARKUS_DATASOURCE_REACTIVE_URL", PulseServices.newDatabase("outage"),
                        "EXCHANGEPULSE_INGEST_APPEND_TIMEOUT", "PT5S"))
                .awaitReady(Duration.ofSeconds(90))) {
            given().port(service.port()).contentType(ContentType.JSON).body(List.of(valid(SuiteClock.now())))
                    .post("/api/v1/exchanges").then().statusCode(202);

            broker.close();

            given().port(service.port()).contentType(ContentType.JSON).body(List.of(valid(SuiteClock.now())))
                    .post("/api/v1/exchanges")
                    .then().statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .contentType("application/problem+json")
                    .body("detail", containsString("resend it whole"));
        } finally {
            broker.close();
        }
    }
}
