package io.exchangepulse.it;

import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.LiveMirror;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Two replicas on one broker and one database: a viewer of either sees what was posted to the other. */
class TwoReplicasIT {

    @Test
    void aViewerOnReplicaBSeesExchangesPostedToReplicaA() throws Exception {
        PulseServices.startOnce();
        try (ServiceProcess a = ServiceProcess.start("replica-a", Map.of()).awaitReady(Duration.ofSeconds(90));
             ServiceProcess b = ServiceProcess.start("replica-b", Map.of()).awaitReady(Duration.ofSeconds(90));
             LiveClient onA = LiveClient.connect(a.port());
             LiveClient onB = LiveClient.connect(b.port())) {
            LiveMirror viewA = new LiveMirror(onA.next(Duration.ofSeconds(20)));
            LiveMirror viewB = new LiveMirror(onB.next(Duration.ofSeconds(20)));
            long before = viewB.total("today");

            for (int round = 0; round < 10; round++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    batch.add(valid(Instant.now()));
                }
                given().port(a.port()).contentType(ContentType.JSON).body(batch)
                        .post("/api/v1/exchanges").then().statusCode(202);
            }

            long expected = before + 500;
            onB.until(message -> {
                viewB.apply(message);
                return viewB.total("today") >= expected;
            }, Duration.ofSeconds(60));
            onA.until(message -> {
                viewA.apply(message);
                return viewA.total("today") >= expected;
            }, Duration.ofSeconds(60));
            assertThat(viewB.total("today")).isEqualTo(expected);
            assertThat(viewA.total("today")).isEqualTo(expected);
        }
    }
}
