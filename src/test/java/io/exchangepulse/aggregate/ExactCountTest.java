package io.exchangepulse.aggregate;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.KafkaTopics;
import io.exchangepulse.support.Windows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Thousands of exchanges, many of them sent more than once, counted exactly once in every family, by the
 * minute and by the hour of the test's own hour, read straight from the counter tables, and through the API.
 */
@QuarkusTest
@Tag("component")
class ExactCountTest {

    static final String[] MEMBERS = {"AL", "BA", "BG", "HR", "GR", "HU", "MD", "MK", "ME", "RO", "RS", "SI", "TR"};
    static final String[] AREAS = {"DRUG_TRAFFICKING", "SMUGGLING_CUSTOMS_FRAUD", "ILLEGAL_IMMIGRATION", "TERRORISM"};

    @Test
    void resentIdsAreCountedOnceInEveryFamilyByMinuteAndHour() throws Exception {
        Instant window = Windows.fresh();
        Random random = new Random(7);
        List<Map<String, Object>> originals = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            String from = MEMBERS[random.nextInt(MEMBERS.length)];
            String to = MEMBERS[(List.of(MEMBERS).indexOf(from) + 1 + random.nextInt(MEMBERS.length - 1)) % MEMBERS.length];
            var exchange = with(with(with(with(valid(window.plusSeconds(random.nextInt(3600))), "from", from), "to", to),
                    "crimeArea", AREAS[random.nextInt(AREAS.length)]), "kind", random.nextBoolean() ? "REQUEST" : "INFORMATION");
            originals.add(random.nextInt(10) == 0 ? with(exchange, "to", "US") : exchange);
        }
        for (int start = 0; start < originals.size(); start += 500) {
            List<Map<String, Object>> batch = new ArrayList<>(originals.subList(start, start + 500));
            // A client that resends: a fifth of the batch again, some twice within the same request.
            batch.addAll(originals.subList(start, start + 100));
            if (start > 0) {
                batch.addAll(originals.subList(start - 250, start - 150));
            }
            post(batch);
        }
        post(originals.subList(0, 1_000));

        Counts.awaitCaughtUp();

        Map<CounterFamily, Function<Map<String, Object>, List<String>>> dimensions = Map.of(
                CounterFamily.SCOPE_CHANNEL, e -> List.of(e.get("to").equals("US") ? "MEMBER_OBSERVER" : "MEMBERS", "DAILY"),
                CounterFamily.CRIME_AREA_KIND, e -> List.of((String) e.get("crimeArea"), (String) e.get("kind")),
                CounterFamily.TASK_FORCE, e -> List.of(CrimeArea.valueOf((String) e.get("crimeArea")).taskForce().name()),
                CounterFamily.FLOW, e -> List.of((String) e.get("from"), (String) e.get("to")));
        Instant hourEnd = window.plus(Duration.ofHours(1));
        for (CounterFamily family : CounterFamily.values()) {
            Map<List<String>, Long> expected = new HashMap<>();
            originals.forEach(e -> expected.merge(dimensions.get(family).apply(e), 1L, Long::sum));
            for (Grain grain : List.of(Grain.MINUTE, Grain.HOUR)) {
                assertThat(Counts.stored(family, grain, window, hourEnd)).as(family + " by " + grain).isEqualTo(expected);
            }
        }
        assertThat(Counts.inHour(window)).isEqualTo(4_000);
        given().queryParam("from", window.toString()).queryParam("to", hourEnd.toString()).queryParam("step", "PT1M")
                .get("/api/v1/task-forces/trend")
                .then().statusCode(200)
                .body("series.size()", equalTo(8))
                .body("series[0].counts.size()", equalTo(60))
                .body("series.total.sum()", equalTo(4_000));
    }

    @Test
    void aCopyWhoseTimeMovedToTheDayBeforeIsCountedOnceAndIsADeadLetterWithItsReason() {
        Instant window = Windows.fresh();
        Instant dayBefore = window.minus(Duration.ofDays(1));
        Assumptions.assumeTrue(dayBefore.atOffset(ZoneOffset.UTC).getYear() == window.atOffset(ZoneOffset.UTC).getYear(),
                "the day before is in a closed year");
        Map<String, Object> original = valid(window.plusSeconds(600));
        post(List.of(original));
        Counts.awaitCaughtUp();

        // The same id, its time moved to the day before (so it lands in other day buckets), and a plain resend: a
        // record is counted or a dead letter, never both, so the letter shows the moved copy was not counted.
        Map<String, Object> moved = with(original, "occurredAt", dayBefore.plusSeconds(600).toString());
        post(List.of(moved, original));
        Counts.awaitCaughtUp();

        assertThat(Counts.inHour(window)).isEqualTo(1);
        var letter = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.readAll("pulse.events.dead-letter")
                .stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(dayBefore.plusSeconds(600).toString()))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(new String(letter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("was counted before with other content");
    }

    static void post(List<Map<String, Object>> batch) {
        given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/exchanges")
                .then().statusCode(202).body("accepted", equalTo(batch.size()));
    }
}
