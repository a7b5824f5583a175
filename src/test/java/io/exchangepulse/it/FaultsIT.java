package io.exchangepulse.it;

import io.exchangepulse.support.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.embedded.EmbeddedKafka;
import io.exchangepulse.embedded.EmbeddedPostgresServer;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.KafkaTopics;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.SteadyLoad;
import io.exchangepulse.support.Windows;
import io.restassured.RestAssured;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.exchangepulse.support.TestExchanges.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults under steady load, on a broker and a database of this test's own that it stops and starts again at
 * the same addresses: the database away for 25 s, the broker away and back, the service killed, a second
 * replica joining, the dead-letter topic gone. Each ends with every exchange the load was told was
 * accepted counted exactly once.
 */
class FaultsIT {

    static final Duration START = Duration.ofSeconds(90);
    /** Shorter than the service's default, so that a 25-second outage shows on the wall. */
    static final Duration COUNTING_DELAY_SHOWN = Duration.ofSeconds(5);
    static final ObjectMapper MAPPER = new ObjectMapper();
    static Path dir;
    static int kafkaPort;
    static int postgresPort;
    static EmbeddedKafka broker;
    static EmbeddedPostgresServer database;

    private final List<ServiceProcess> started = new ArrayList<>();

    @BeforeAll
    static void services() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-services")), "faults-");
        kafkaPort = Ports.free();
        postgresPort = Ports.free();
        broker = EmbeddedKafka.start(dir.resolve("kafka"), kafkaPort);
        database = EmbeddedPostgresServer.start(dir.resolve("postgres"), postgresPort);
    }

    @AfterAll
    static void stopServices() throws Exception {
        broker.close();
        database.close();
    }

    @AfterEach
    void stopServicesStarted() throws InterruptedException {
        for (ServiceProcess service : started) {
            service.close();
        }
    }

    @Test
    void theDatabaseAwayForTwentyFiveSecondsLosesNothingIngestGoesOnAndTheWallSaysCountingIsDelayed() throws Exception {
        ServiceProcess service = start("db-away");
        Instant window = Windows.fresh();
        try (SteadyLoad load = new SteadyLoad(service::port, window); LiveClient wall = LiveClient.connect(service.port())) {
            wall.next(Duration.ofSeconds(20));
            awaitAccepted(load, 2_000);
            database.close();
            Instant outageStarted = Instant.now();
            long atOutage = load.accepted();
            JsonNode delayed = wall.until(message -> message.has("countingDelay"), Duration.ofSeconds(25));
            Thread.sleep(Math.max(0, 25_000 - Duration.between(outageStarted, Instant.now()).toMillis()));
            long duringOutage = load.accepted() - atOutage;
            database = EmbeddedPostgresServer.start(dir.resolve("postgres"), postgresPort);
            awaitAccepted(load, load.accepted() + 2_000);

            assertThat(delayed.get("countingDelay").asLong()).isGreaterThanOrEqualTo(COUNTING_DELAY_SHOWN.toSeconds());
            assertThat(duringOutage).as("exchanges taken while the database was away").isPositive();
            assertExactlyOnce(window, load.stop());
            wall.until(message -> !message.get("type").asText().equals("error") && !message.has("countingDelay"),
                    Duration.ofSeconds(60));
        }
    }

    @Test
    void theBrokerAwayAndBackLosesNothing() throws Exception {
        ServiceProcess service = start("broker-away");
        Instant window = Windows.fresh();
        try (SteadyLoad load = new SteadyLoad(service::port, window)) {
            awaitAccepted(load, 2_000);
            broker.close();
            Thread.sleep(10_000);
            broker = EmbeddedKafka.start(dir.resolve("kafka"), kafkaPort);
            awaitAccepted(load, load.accepted() + 2_000);

            assertThat(load.refused()).as("requests refused while the broker was away").isPositive();
            assertExactlyOnce(window, load.stop());
        }
    }

    @Test
    void theServiceKilledUnderLoadAndStartedAgainLosesNothing() throws Exception {
        ServiceProcess[] current = {start("killed-a")};
        Instant window = Windows.fresh();
        try (SteadyLoad load = new SteadyLoad(() -> current[0].port(), window)) {
            awaitAccepted(load, 3_000);
            current[0].kill();
            current[0] = start("killed-b");
            awaitAccepted(load, load.accepted() + 2_000);

            assertExactlyOnce(window, load.stop());
        }
    }

    @Test
    void aSecondReplicaJoiningMidLoadLosesNothing() throws Exception {
        ServiceProcess first = start("rebalance-a");
        Instant window = Windows.fresh();
        try (SteadyLoad load = new SteadyLoad(first::port, window)) {
            awaitAccepted(load, 2_000);
            start("rebalance-b");
            awaitAccepted(load, load.accepted() + 3_000);

            assertExactlyOnce(window, load.stop());
        }
    }

    @Test
    void theDeadLetterTopicGoneNeitherStopsCountingNorLosesALetter() throws Exception {
        ServiceProcess service = start("dead-letters-away");
        Instant window = Windows.fresh();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            admin.deleteTopics(List.of("pulse.events.dead-letter")).all().get(30, TimeUnit.SECONDS);
            String key = "poison-" + window.toEpochMilli();
            for (int i = 0; i < 3; i++) {
                KafkaTopics.produce(bootstrap(), Counts.EXCHANGES, key, ("not json " + i).getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 100; i++) {
                KafkaTopics.produce(bootstrap(), Counts.EXCHANGES, "good-" + i,
                        MAPPER.writeValueAsBytes(valid(window.plusSeconds(i))));
            }
            RestAssured.port = service.port();
            await().atMost(Duration.ofSeconds(60)).until(() -> Counts.inHour(window) == 100);
            await().atMost(Duration.ofSeconds(30)).until(() -> metric(service, "pulse_dead_letters_pending") == 3);

            admin.createTopics(List.of(new NewTopic("pulse.events.dead-letter", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);

            List<ConsumerRecord<String, byte[]>> letters = await().atMost(Duration.ofSeconds(60)).until(
                    () -> KafkaTopics.readAll(bootstrap(), "pulse.events.dead-letter").stream().filter(r -> key.equals(r.key())).toList(),
                    found -> found.size() >= 3);
            assertThat(letters).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("not json 0", "not json 1", "not json 2");
            assertThat(Counts.inHour(window)).isEqualTo(100);
        }
    }

    /** Every exchange taken is counted, once: the count reaches it, and stays at it once counting has caught up. */
    private void assertExactlyOnce(Instant window, long accepted) {
        await().atMost(Duration.ofSeconds(120)).until(() -> Counts.inHour(window) >= accepted);
        Counts.awaitCaughtUp(bootstrap(), "jdbc:" + database.reactiveUrl());
        assertThat(Counts.inHour(window)).isEqualTo(accepted);
    }

    private static void awaitAccepted(SteadyLoad load, long atLeast) {
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(load.accepted()).as("taken; last refused: " + load.lastRefusal()).isGreaterThanOrEqualTo(atLeast));
    }

    private ServiceProcess start(String name) throws Exception {
        ServiceProcess service = ServiceProcess.start(name, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl(),
                "EXCHANGEPULSE_INGEST_APPEND_TIMEOUT", "PT3S",
                "EXCHANGEPULSE_LIVE_COUNTING_DELAY_SHOWN", COUNTING_DELAY_SHOWN.toString()));
        started.add(service);
        service.awaitReady(START);
        RestAssured.port = service.port();
        return service;
    }

    private static String bootstrap() {
        return "localhost:" + kafkaPort;
    }

    private static double metric(ServiceProcess service, String name) {
        String metrics = RestAssured.given().port(service.managementPort()).get("/q/metrics").asString();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

}
