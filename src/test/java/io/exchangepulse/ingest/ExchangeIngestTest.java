package io.exchangepulse.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.support.Callers;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.KafkaTopics;
import io.exchangepulse.support.Windows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.exchangepulse.support.TestExchanges.without;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** POST /api/v1/exchanges against the real broker and database. */
@QuarkusTest
@Tag("component")
class ExchangeIngestTest {

    @Test
    void acceptsOneObjectAnArrayAndNdjsonAndCountsThem() {
        Instant window = Windows.fresh();
        given().contentType(ContentType.JSON).body(valid(window))
                .when().post("/api/v1/exchanges")
                .then().statusCode(202).body("accepted", equalTo(1));
        given().contentType(ContentType.JSON).body(List.of(valid(window), valid(window.plusSeconds(60))))
                .when().post("/api/v1/exchanges")
                .then().statusCode(202).body("accepted", equalTo(2));
        given().contentType("application/x-ndjson").body(ndjson(List.of(valid(window), valid(window), valid(window))).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/exchanges")
                .then().statusCode(202).body("accepted", equalTo(3));

        Counts.awaitCaughtUp();
        assertThat(Counts.inHour(window)).isEqualTo(6);
    }

    @Test
    void namesTheIndexAndFieldOfEveryInvalidItemAndAcceptsNothing() {
        Instant window = Windows.fresh();
        var good = valid(window);
        var badKind = with(valid(window), "kind", "GOSSIP");
        var noMember = with(with(valid(window), "from", "AT"), "to", "DE");
        var noId = without(valid(window), "id");

        given().contentType(ContentType.JSON).body(List.of(good, badKind, noMember, noId))
                .when().post("/api/v1/exchanges")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("3 of 4 exchanges invalid; nothing was accepted"))
                .body("errors", hasSize(3))
                .body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo("kind"))
                .body("errors[1].index", equalTo(2)).body("errors[1].field", equalTo("from"))
                .body("errors[2].index", equalTo(3)).body("errors[2].field", equalTo("id"));

        assertThat(idsInTheLog()).doesNotContain((String) good.get("id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.exchangepulse.domain.ExchangeReaderTest#brokenRules")
    void eachRuleIsEnforcedOnTheWire(String rule, Object exchange, String field) {
        given().contentType(ContentType.JSON).body(List.of(valid(Windows.fresh()), exchange))
                .when().post("/api/v1/exchanges")
                .then().statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].index", equalTo(1))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void anNdjsonLineThatIsNotJsonIsNamedByItsItemNumber() {
        String body = ndjson(List.of(valid(Windows.fresh()))) + "\n\n{\"id\": oops}\n";

        given().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/exchanges")
                .then().statusCode(400)
                .body("title", equalTo("Malformed JSON"))
                .body("errors[0].index", equalTo(1));
    }

    @Test
    void malformedJsonAndAnEmptyRequestAreRejected() {
        given().contentType(ContentType.JSON).body("[{\"id\": ")
                .when().post("/api/v1/exchanges")
                .then().statusCode(400).body("title", equalTo("Malformed JSON"));
        given().contentType(ContentType.JSON).body("[]")
                .when().post("/api/v1/exchanges")
                .then().statusCode(400).body("detail", containsString("no items"));
    }

    @Test
    void tenThousandExchangesFitInOneRequestAndOneMoreIsTooMany() {
        Instant window = Windows.fresh();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            batch.add(valid(window.plusMillis(i)));
        }
        given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/exchanges")
                .then().statusCode(202).body("accepted", equalTo(10_000));

        batch.add(valid(window));
        given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/exchanges")
                .then().statusCode(413).contentType("application/problem+json");

        Counts.awaitCaughtUp();
        assertThat(Counts.inHour(window)).isEqualTo(10_000);
    }

    @Test
    void aBodyOverTheByteLimitIsTooLarge() throws Exception {
        byte[] body = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        // Expect: 100-continue lets the server refuse by the declared length, before the body travels.
        var request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/exchanges"))
                .header("Content-Type", "application/json")
                .header("Authorization", Callers.bearer(Callers.DEFAULT))
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();

        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var response = client.send(request, HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void otherMediaTypesAreRefused() {
        given().contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/exchanges")
                .then().statusCode(415);
    }

    static String ndjson(List<Map<String, Object>> exchanges) {
        return exchanges.stream().map(ExchangeIngestTest::json).collect(Collectors.joining("\n"));
    }

    static String json(Map<String, Object> exchange) {
        return exchange.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + (e.getValue() == null ? "null" : "\"" + e.getValue() + "\""))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static List<String> idsInTheLog() {
        var mapper = new ObjectMapper();
        return KafkaTopics.readAll(Counts.EXCHANGES).stream()
                .filter(r -> r.value() != null)
                .map(r -> {
                    try {
                        return mapper.readTree(r.value()).path("id").asText();
                    } catch (IOException notJson) {
                        return "";
                    }
                })
                .toList();
    }
}
