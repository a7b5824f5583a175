package io.exchangepulse.aggregate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.KafkaTopics;
import io.exchangepulse.support.Management;
import io.exchangepulse.support.Windows;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Other producers write straight to the exchange topic: the same JSON is counted, the rest dead-lettered. */
@QuarkusTest
@Tag("component")
class DirectProducerTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aRecordProducedStraightToKafkaIsCounted() throws Exception {
        Instant window = Windows.fresh();
        var exchange = valid(window);

        KafkaTopics.produce(Counts.EXCHANGES, (String) exchange.get("id"), MAPPER.writeValueAsBytes(exchange));

        Counts.awaitCaughtUp();
        assertThat(Counts.inHour(window)).isEqualTo(1);
    }

    @Test
    void aFieldThisVersionDoesNotKnowIsPassedOverNotADeadLetter() throws Exception {
        Instant window = Windows.fresh();
        double before = deadLetterMetric();
        var fromANewerReplica = with(valid(window), "priority", "URGENT");

        KafkaTopics.produce(Counts.EXCHANGES, (String) fromANewerReplica.get("id"), MAPPER.writeValueAsBytes(fromANewerReplica));

        Counts.awaitCaughtUp();
        assertThat(Counts.inHour(window)).isEqualTo(1);
        assertThat(deadLetterMetric()).isEqualTo(before);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndDoNotStallTheirPartition() throws Exception {
        Instant window = Windows.fresh();
        double before = deadLetterMetric();
        String key = "same-key-same-partition";
        byte[] notJson = "{this is not json".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = MAPPER.writeValueAsBytes(with(valid(window), "crimeArea", "ARSON"));
        byte[] good = MAPPER.writeValueAsBytes(valid(window));

        var namedSender = new ProducerRecord<>(Counts.EXCHANGES, key, notJson);
        namedSender.headers().add("sender", "desk-gateway (RO)".getBytes(StandardCharsets.UTF_8));
        KafkaTopics.produce(namedSender);
        KafkaTopics.produce(Counts.EXCHANGES, key, invalid);
        KafkaTopics.produce(Counts.EXCHANGES, key, null);
        KafkaTopics.produce(Counts.EXCHANGES, key, good);

        Counts.awaitCaughtUp();
        assertThat(Counts.inHour(window)).isEqualTo(1);
        // Dead letters are sent once their batch is committed, shortly after.
        List<ConsumerRecord<String, byte[]>> letters = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTopics.readAll("pulse.events.dead-letter").stream().filter(r -> key.equals(r.key())).toList(),
                        found -> found.size() >= 3);
        assertThat(letters).hasSize(3);
        assertThat(letters.get(0).value()).isEqualTo(notJson);
        assertThat(reason(letters.get(0))).startsWith("not JSON");
        assertThat(new String(letters.get(0).headers().lastHeader("sender").value(), StandardCharsets.UTF_8))
                .as("who sent it, kept with the letter").isEqualTo("desk-gateway (RO)");
        assertThat(letters.get(1).headers().lastHeader("sender")).as("a record that named no sender").isNull();
        assertThat(letters.get(1).value()).isEqualTo(invalid);
        assertThat(reason(letters.get(1))).contains("crimeArea").contains("ARSON");
        assertThat(new String(letters.get(1).headers().lastHeader("dead-letter-origin").value(), StandardCharsets.UTF_8))
                .startsWith("pulse.events-");
        assertThat(letters.get(2).value()).isNull();
        assertThat(reason(letters.get(2))).startsWith("empty record");
        assertThat(deadLetterMetric()).isEqualTo(before + 3);
    }

    static String reason(ConsumerRecord<String, byte[]> letter) {
        return new String(letter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    static double deadLetterMetric() {
        String metrics = given().baseUri(Management.url()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("pulse_exchanges_dead_letters_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
