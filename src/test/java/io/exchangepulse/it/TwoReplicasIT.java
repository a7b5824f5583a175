package io.exchangepulse.it;

import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.SuiteClock;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
            onA.next(Duration.ofSeconds(20));
            onB.next(Duration.ofSeconds(20));
            long before = onB.latestTotal("today");

            for (int round = 0; round < 10; round++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    batch.add(valid(SuiteClock.now()));
                }
                given().port(a.port()).contentType(ContentType.JSON).body(batch)
                        .post("/api/v1/exchanges").then().statusCode(202);
            }

            long expected = before + 500;
            assertThat(onB.awaitTotal("today", expected, Duration.ofSeconds(60))).isEqualTo(expected);
            assertThat(onA.awaitTotal("today", expected, Duration.ofSeconds(60))).isEqualTo(expected);
        }
    }
}
