package io.exchangepulse.aggregate;

import io.exchangepulse.support.Counts;
import io.exchangepulse.support.KafkaTopics;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.Windows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record the database refuses for what it holds (here a constraint the test adds for one party pair)
 * would fail its batch however often it is tried: the batch is narrowed down to that record, which becomes
 * a dead letter with the database's reason, and every other exchange of the batch is counted.
 */
@QuarkusTest
@Tag("component")
class PoisonBatchTest {

    static final String POISON_CONSTRAINT = "ALTER TABLE flow_count ADD CONSTRAINT poison_pair "
            + "CHECK (NOT (from_party = 'SK' AND to_party = 'HR'))";

    @Test
    void aRecordTheDatabaseRefusesIsNarrowedDownAndTheRestOfItsBatchIsCounted() throws Exception {
        Instant window = Windows.fresh();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(valid(window.plusSeconds(i)));
        }
        Map<String, Object> poison = with(with(valid(window.plusSeconds(300)), "from", "SK"), "to", "HR");
        batch.add(97, poison);
        execute(POISON_CONSTRAINT);
        try {
            given().contentType(ContentType.JSON).body(batch).post("/api/v1/exchanges").then().statusCode(202);
            Counts.awaitCaughtUp();
        } finally {
            execute("ALTER TABLE flow_count DROP CONSTRAINT poison_pair");
        }

        assertThat(Counts.inHour(window)).isEqualTo(200);
        ConsumerRecord<String, byte[]> letter = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTopics.readAll("pulse.events.dead-letter").stream()
                        .filter(r -> poison.get("id").equals(r.key())).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(new String(letter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("the database refused it").contains("poison_pair");
    }

    static void execute(String sql) throws Exception {
        try (var connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }
}
