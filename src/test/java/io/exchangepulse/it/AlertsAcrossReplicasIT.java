package io.exchangepulse.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.SuiteClock;
import io.exchangepulse.support.TaskForceCounts;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged replicas on one broker and a database of their own, judging rounds of two seconds: the alerts one of
 * them judges are those both list, through the API and /live, with the same start; a replica started later, and one
 * restarted, list them too; and each round is judged once, whichever replica claims it (the stored history: the surge
 * raised once, and found once by every round since). The surge is written to the counters before the suite's clock's
 * now ({@link TaskForceCounts}), so the time of day does not matter.
 */
class AlertsAcrossReplicasIT {

    static final String SURGE = "TASK_FORCE:TERRORISM:PT1H:SURGE";
    static final Duration START = Duration.ofSeconds(90);
    static final Duration AGREE = Duration.ofSeconds(30);

    @Test
    void twoReplicasListTheSameAlertsWithTheSameStartAndSoDoesAReplicaRestarted() throws Exception {
        PulseServices.startOnce();
        String database = PulseServices.newDatabase("alerts_replicas_" + Long.toHexString(System.nanoTime()));
        Map<String, String> environment = Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", database, "EXCHANGEPULSE_ALERTS_INTERVAL", "PT2S");
        try (ServiceProcess a = ServiceProcess.start("alerts-replica-a", environment).awaitReady(START)) {
            // A week of four an hour, then two a minute for the last half hour: 60 in the last hour against about 4.
            Instant now = SuiteClock.now();
            TaskForceCounts.usual("jdbc:" + database, "TERRORISM", now, 4);
            TaskForceCounts.lastHalfHour("jdbc:" + database, "TERRORISM", now, 2);
            await().atMost(AGREE).until(() -> active(a).stream().anyMatch(alert -> alert.startsWith(SURGE + " ")));
            String raised = active(a).stream().filter(alert -> alert.startsWith(SURGE + " ")).findFirst().orElseThrow();

            List<Long> replicas = new ArrayList<>(List.of(a.pid()));
            try (ServiceProcess b = ServiceProcess.start("alerts-replica-b", environment).awaitReady(START)) {
                replicas.add(b.pid());
                await().atMost(AGREE).untilAsserted(() -> assertThat(active(b)).as("a replica started later").isEqualTo(active(a)));
                assertThat(active(b)).as("the surge with the start it was raised with").contains(raised);
                await().atMost(AGREE).untilAsserted(() -> assertThat(live(b)).as("on /live").isEqualTo(live(a)).isEqualTo(active(a)));
                assertThat(b.stop(Duration.ofSeconds(30))).isIn(0, 143);
            }
            try (ServiceProcess b = ServiceProcess.start("alerts-replica-b-again", environment).awaitReady(START)) {
                replicas.add(b.pid());
                await().atMost(AGREE).untilAsserted(() -> assertThat(active(b)).as("a replica restarted").isEqualTo(active(a)));
                assertThat(active(b)).contains(raised);
                assertThat(live(b)).isEqualTo(active(a));
            }
            try (var connection = DriverManager.getConnection("jdbc:" + database, "postgres", "")) {
                var found = connection.createStatement().executeQuery("SELECT "
                        + "(SELECT count(*) FROM alert_history WHERE id = '" + SURGE + "' AND state = 'RAISED'), "
                        + "(SELECT count(*) FROM alert_history WHERE id = '" + SURGE + "'), "
                        + "(SELECT count(*) FROM alert_judgement WHERE judged_at >= "
                        + "(SELECT judged_at FROM alert_history WHERE id = '" + SURGE + "' AND state = 'RAISED')), "
                        + "(SELECT count(*) FROM alert_judgement WHERE extract(epoch FROM judged_at)::bigint % 2 <> 0)");
                found.next();
                assertThat(found.getLong(1)).as("raised once").isEqualTo(1);
                assertThat(found.getLong(2)).as("found once by every round since it was raised").isEqualTo(found.getLong(3));
                assertThat(found.getLong(4)).as("rounds named alike by every replica: whole two seconds").isZero();
                var holders = connection.createStatement().executeQuery("SELECT DISTINCT holder FROM alert_judgement");
                while (holders.next()) {
                    String holder = holders.getString(1);
                    assertThat(replicas).as("the replica that judged a round").contains(Long.parseLong(holder.substring(holder.lastIndexOf('/') + 1)));
                }
            }
        }
    }

    /** The active alerts a replica lists, as each one's id and start. */
    static List<String> active(ServiceProcess service) {
        return given().port(service.port()).get("/api/v1/alerts").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("active").stream()
                .map(alert -> alert.get("id") + " " + alert.get("startedAt"))
                .toList();
    }

    /** The same, from a wall's first snapshot on /live. */
    static List<String> live(ServiceProcess service) throws InterruptedException {
        try (LiveClient wall = LiveClient.connect(service.port())) {
            JsonNode snapshot = wall.until(message -> message.path("type").asText().equals("snapshot"), Duration.ofSeconds(20));
            List<String> alerts = new ArrayList<>();
            snapshot.at("/views/alerts").forEach(alert -> alerts.add(alert.path("id").asText() + " " + alert.path("startedAt").asText()));
            return alerts;
        }
    }
}
