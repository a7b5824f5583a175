package io.exchangepulse.it;

import io.exchangepulse.support.Counts;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.Windows;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** SIGTERM under load: nothing accepted is lost, viewers hear 1001, and the process ends in its grace period. */
class GracefulShutdownIT {

    static final Duration GRACE_PERIOD = Duration.ofSeconds(30);

    @Test
    void aStoppingReplicaLosesNothingAndSendsItsViewersAway() throws Exception {
        PulseServices.startOnce();
        Instant window = Windows.fresh();
        AtomicLong accepted = new AtomicLong();
        AtomicBoolean posting = new AtomicBoolean(true);
        ServiceProcess service = ServiceProcess.start("graceful", Map.of()).awaitReady(Duration.ofSeconds(90));
        try (LiveClient viewer = LiveClient.connect(service.port())) {
            viewer.next(Duration.ofSeconds(20));
            Thread load = new Thread(() -> {
                int round = 0;
                while (posting.get()) {
                    List<Map<String, Object>> batch = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        batch.add(valid(window.plusMillis(round * 100L + i)));
                    }
                    round++;
                    try {
                        int status = given().port(service.port()).contentType(ContentType.JSON).body(batch)
                                .post("/api/v1/exchanges").statusCode();
                        if (status == 202) {
                            accepted.addAndGet(batch.size());
                        }
                    } catch (Exception refused) {
                        // The stopped service refuses the connection, or closes it unanswered (RestAssured
                        // throws the latter's IOException unchecked): the load ends with it.
                        return;
                    }
                }
            });
            load.start();
            Thread.sleep(2000);

            // stop() fails unless the process ends within the pod's grace period.
            int exit = service.stop(GRACE_PERIOD);
            posting.set(false);
            load.join();

            assertThat(exit).isIn(0, 143);
            assertThat(viewer.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1001);
            assertThat(accepted.get()).isPositive();
        }

        try (ServiceProcess next = ServiceProcess.start("graceful-next", Map.of()).awaitReady(Duration.ofSeconds(90))) {
            io.restassured.RestAssured.port = next.port();
            Counts.awaitCaughtUp();
            assertThat(Counts.inHour(window)).isEqualTo(accepted.get());
        }
    }
}
