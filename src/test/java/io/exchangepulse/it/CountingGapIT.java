package io.exchangepulse.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.embedded.EmbeddedKafka;
import io.exchangepulse.support.Callers;
import io.exchangepulse.support.KafkaTopics;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.Windows;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Records deleted from the exchange topic by its retention before counting reached them (the service was down
 * longer than the topic keeps records): counting stops at the gap and says so, in readiness, a metric and the
 * log, instead of starting quietly at the log's beginning; an administrator's acceptance moves it on, forward
 * only, and the records after the gap are counted once.
 */
class CountingGapIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countingStopsAtRecordsDeletedBeforeTheyWereCountedUntilAnAdministratorAcceptsTheLoss() throws Exception {
        PulseServices.startOnce();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-services")), "gap-");
        String database = PulseServices.newDatabase("gaps");
        Instant counted = Windows.fresh();
        Instant lost = Windows.fresh();
        Instant after = Windows.fresh();

        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"))) {
            Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "QUARKUS_DATASOURCE_REACTIVE_URL", database);
            try (ServiceProcess first = ServiceProcess.start("gap-first", environment).awaitReady(PackagedServiceIT.START)) {
                post(first, exchanges(counted, 60));
                await().atMost(Duration.ofSeconds(60)).until(() -> flows(first, counted) == 60);
                first.stop(Duration.ofSeconds(30));
            }
            Map<Integer, Long> before = storedPositions(database);

            // While the service is down: exchanges arrive, and the topic's retention deletes them uncounted.
            for (Map<String, Object> exchange : exchanges(lost, 60)) {
                KafkaTopics.produce(broker.bootstrapServers(), "pulse.events", (String) exchange.get("id"),
                        JSON.writeValueAsBytes(exchange));
            }
            deleteEverythingUpToTheEnd(broker.bootstrapServers());
            for (Map<String, Object> exchange : exchanges(after, 30)) {
                KafkaTopics.produce(broker.bootstrapServers(), "pulse.events", (String) exchange.get("id"),
                        JSON.writeValueAsBytes(exchange));
            }

            try (ServiceProcess second = ServiceProcess.start("gap-second", environment)) {
                await().atMost(PackagedServiceIT.START).ignoreExceptions().untilAsserted(() -> given().port(second.managementPort()).get("/q/health/ready")
                        .then().statusCode(503).body("checks.find { it.name == 'counting-gaps' }.status", equalTo("DOWN")));
                double gapRecords = gapRecords(second);
                assertThat(gapRecords).as("every record retention deleted").isEqualTo(60);
                assertThat(second.output()).contains("Counting stops at partition").contains("POST /api/v1/counting/gaps/accept");
                assertThat(flows(second, after)).as("nothing after the gap is counted before its acceptance").isLessThan(30);

                List<Map<String, Object>> accepted = given().port(second.port()).header("Authorization", Callers.bearer("admin"))
                        .contentType(ContentType.JSON).body("{}").post("/api/v1/counting/gaps/accept")
                        .then().statusCode(200).extract().jsonPath().getList("accepted");
                assertThat(accepted.stream().mapToLong(gap -> ((Number) gap.get("logStart")).longValue()
                        - ((Number) gap.get("stored")).longValue()).sum()).isEqualTo((long) gapRecords);

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().port(second.managementPort()).get("/q/health/ready")
                        .then().statusCode(200));
                await().atMost(Duration.ofSeconds(60)).until(() -> flows(second, after) == 30);
                assertThat(flows(second, counted)).isEqualTo(60);
                assertThat(flows(second, lost)).as("what retention deleted").isZero();
                storedPositions(database).forEach((partition, position) ->
                        assertThat(position).as("partition %d never moves back", partition).isGreaterThanOrEqualTo(before.getOrDefault(partition, 0L)));
                given().port(second.port()).header("Authorization", Callers.bearer("admin")).contentType(ContentType.JSON).body("{}")
                        .post("/api/v1/counting/gaps/accept").then().statusCode(200).body("accepted", org.hamcrest.Matchers.empty());
                second.stop(Duration.ofSeconds(30));
            }
        }
    }

    private static List<Map<String, Object>> exchanges(Instant window, int count) {
        List<Map<String, Object>> exchanges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            exchanges.add(valid(window.plusSeconds(i)));
        }
        return exchanges;
    }

    private static void post(ServiceProcess service, List<Map<String, Object>> exchanges) {
        given().port(service.port()).contentType(ContentType.JSON).body(exchanges).post("/api/v1/exchanges").then().statusCode(202);
    }

    private static long flows(ServiceProcess service, Instant window) {
        List<Integer> counts = given().port(service.port()).queryParam("from", window.toString())
                .queryParam("to", window.plus(Duration.ofHours(1)).toString()).get("/api/v1/flows")
                .then().statusCode(200).extract().jsonPath().getList("count", Integer.class);
        return counts.stream().mapToLong(Integer::longValue).sum();
    }

    private static double gapRecords(ServiceProcess service) {
        String metrics = given().port(service.managementPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("pulse_counting_gap_records")).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("pulse_counting_gap_records"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static void deleteEverythingUpToTheEnd(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, Long> ends = KafkaTopics.endOffsets(bootstrapServers, "pulse.events");
            admin.deleteRecords(ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> RecordsToDelete.beforeOffset(e.getValue())))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Map<Integer, Long> storedPositions(String reactiveUrl) throws Exception {
        Map<Integer, Long> positions = new HashMap<>();
        try (var connection = DriverManager.getConnection("jdbc:" + reactiveUrl, "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT kafka_partition, next_offset FROM consumer_offset")) {
            while (rows.next()) {
                positions.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return positions;
    }
}
