package io.exchangepulse.it;

import io.exchangepulse.support.Counts;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.Windows;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service, configured by environment variables against the suite's broker and database as
 * a cluster would configure it; killed and restarted to prove that counts survive anything.
 */
class PackagedServiceIT {

    static final Duration START = Duration.ofSeconds(90);

    private final List<ServiceProcess> started = new ArrayList<>();

    @BeforeAll
    static void services() {
        PulseServices.startOnce();
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (ServiceProcess service : started) {
            service.close();
        }
    }

    @Test
    void nothingIsLostOrCountedTwiceWhenTheServiceDiesBetweenConsumingABatchAndCommittingIt() throws Exception {
        Instant window = Windows.fresh();
        List<Map<String, Object>> first = exchanges(window, 2_000);
        List<Map<String, Object>> second = exchanges(window, 1_000);

        ServiceProcess a = start("crash-a");
        post(first);
        Counts.awaitCaughtUp();
        assertThat(Counts.inHour(window)).isEqualTo(2_000);

        try (Connection lock = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "")) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE consumer_offset IN EXCLUSIVE MODE");
            post(second);
            // The aggregator has polled the batch and now waits to lock its positions: consuming done, commit pending.
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForTheLock(lock) > 0);
            a.kill();
            lock.rollback();
        }

        ServiceProcess b = start("crash-b");
        Counts.awaitCaughtUp();
        assertThat(Counts.inHour(window)).isEqualTo(3_000);

        post(second.subList(0, 500));
        Counts.awaitCaughtUp();
        assertThat(Counts.inHour(window)).isEqualTo(3_000);

        // SIGTERM: a graceful stop (the JVM reports 143, 128 + SIGTERM, after its shutdown hooks ran).
        assertThat(b.stop(Duration.ofSeconds(30))).isIn(0, 143);
        start("crash-c");
        Counts.awaitCaughtUp();
        assertThat(Counts.inHour(window)).isEqualTo(3_000);
    }

    @Test
    void bodiesBuiltToFillTheHeapGetSmallAnswersAtTheContainersHeap() throws Exception {
        ServiceProcess service = start("hostile-bodies");
        String emptyObjects = "[" + "{},".repeat(8 * 1024 * 1024 / 3) + "{}]";
        StringBuilder unknownFields = new StringBuilder("{");
        for (int i = 0; unknownFields.length() < 4 * 1024 * 1024; i++) {
            unknownFields.append("\"field").append(i).append("\": ").append(i).append(", ");
        }
        unknownFields.append("\"last\": 0}");

        for (int round = 0; round < 5; round++) {
            var tooMany = given().contentType(ContentType.JSON).body(emptyObjects).post("/api/v1/exchanges");
            var tooWide = given().contentType(ContentType.JSON).body(unknownFields.toString()).post("/api/v1/exchanges");
            assertThat(tooMany.statusCode()).isEqualTo(413);
            assertThat(tooWide.statusCode()).isEqualTo(400);
            assertThat(tooMany.asByteArray().length + tooWide.asByteArray().length).isLessThan(2048);
        }
        given().port(service.managementPort()).get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anUnreachableKafkaIsOneClearLineAndAnExit() throws Exception {
        ServiceProcess service = track(ServiceProcess.start("no-kafka", Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1")));

        assertThat(service.awaitExit(START)).isEqualTo(1);
        String output = service.output();
        assertThat(output).contains("Kafka at 127.0.0.1:1 cannot be used")
                .contains("set KAFKA_BOOTSTRAP_SERVERS to a reachable broker");
        assertThat(output.lines().filter(line -> line.startsWith("\tat "))).as("no stack trace").isEmpty();
    }

    @Test
    void anUnreachableDatabaseIsOneClearLineAndAnExit() throws Exception {
        ServiceProcess service = track(ServiceProcess.start("no-postgres",
                Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:1/pulse")));

        assertThat(service.awaitExit(START)).isEqualTo(1);
        String output = service.output();
        assertThat(output).contains("PostgreSQL at jdbc:postgresql://127.0.0.1:1/pulse cannot be used")
                .contains("QUARKUS_DATASOURCE_REACTIVE_URL");
        assertThat(output.lines().filter(line -> line.startsWith("\tat "))).as("no stack trace").isEmpty();
    }

    @Test
    void noIdentityProviderEndsTheStartWithOneLine() throws Exception {
        ServiceProcess service = track(ServiceProcess.start("no-identity-provider", Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", "")));

        assertThat(service.awaitExit(START)).isEqualTo(1);
        String output = service.output();
        // Quarkus' own line: the browser sign-in's tenant takes the provider from QUARKUS_OIDC_AUTH_SERVER_URL.
        assertThat(output).contains("'quarkus.oidc.web.auth-server-url' property must be configured");
        assertThat(output.lines().filter(line -> line.startsWith("\tat "))).as("no stack trace").isEmpty();
    }

    private ServiceProcess start(String name) throws Exception {
        ServiceProcess service = track(ServiceProcess.start(name, Map.of())).awaitReady(START);
        RestAssured.port = service.port();
        return service;
    }

    private ServiceProcess track(ServiceProcess service) {
        started.add(service);
        return service;
    }

    static List<Map<String, Object>> exchanges(Instant window, int count) {
        List<Map<String, Object>> exchanges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            exchanges.add(valid(window.plusMillis(i)));
        }
        return exchanges;
    }

    static void post(List<Map<String, Object>> exchanges) {
        given().contentType(ContentType.JSON).body(exchanges)
                .when().post("/api/v1/exchanges")
                .then().statusCode(202);
    }

    static int waitingForTheLock(Connection lock) throws Exception {
        try (var rows = lock.createStatement().executeQuery(
                "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                        + "WHERE c.relname = 'consumer_offset' AND NOT l.granted")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
