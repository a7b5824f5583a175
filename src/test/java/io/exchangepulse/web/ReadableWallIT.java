package io.exchangepulse.web;

import io.exchangepulse.embedded.EmbeddedKafka;
import io.exchangepulse.support.Accessibility;
import io.exchangepulse.support.Browser;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.SuiteClock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wall read from the back of the room, in headless Chromium against the packaged service: what a wall is held to
 * (no text smaller than 16 px at 1920x1080, axe-core's WCAG 2.2 AA rules with no serious or critical violation),
 * which WallDashboardIT checks on a quiet day, and here the map of a busy day, 45,000 exchanges over nearly every
 * pair, still readable. The leader's view, the report and the playlist are checked by axe-core in their own tests.
 */
class ReadableWallIT {

    /** The smallest type on the wall at 1920x1080 (styles.css --small), in CSS pixels. */
    static final double SMALLEST_TYPE_PX = 16;
    /** The arcs the map draws at most (views/flow-map.js ARCS). */
    static final int ARCS_DRAWN = 24;
    static final int BUSY_DAY = 45_000;

    /**
     * A busy day on a service of its own (its own broker and database, so that the rest of the suite keeps its quiet
     * day): an arc from nearly every party to nearly every other would cover the region, so the map draws the
     * busiest pairs and counts the rest, and the wall stays as readable as on a quiet day.
     */
    @Test
    void aBusyDaysMapDrawsTheBusiestPairsAndCountsTheRest() throws Exception {
        PulseServices.startOnce();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-services")), "busy-day-");
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"));
             ServiceProcess service = ServiceProcess.start("busy-day", Map.of(
                             "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                             "QUARKUS_DATASOURCE_REACTIVE_URL", PulseServices.newDatabase("busy_day")))
                     .awaitReady(Duration.ofSeconds(90))) {
            JsonPath contract = given().port(service.port()).get("/api/v1/contract").then().statusCode(200).extract().jsonPath();
            Set<String> pairs = postBusyDay(service, contract.getList("parties.code"), contract.getList("parties.role"),
                    contract.getList("crimeAreas.code"));

            ChromeDriver browser = Browser.open(1920, 1080);
            try {
                browser.get("http://localhost:" + service.port() + "/?mode=wall");
                var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                Browser.signIn(browser, wait, "wall");
                Browser.awaitLive(wait);
                new WebDriverWait(browser, Duration.ofSeconds(120))
                        .until(b -> String.valueOf(BUSY_DAY).equals(WallDashboardIT.value(browser, "total-today")));

                assertThat(browser.findElements(By.cssSelector("[data-testid=flow-map] .arc"))).hasSize(ARCS_DRAWN);
                wait.until(b -> b.findElement(By.cssSelector("[data-testid=map-more]")).isDisplayed());
                assertThat(browser.findElement(By.cssSelector("[data-testid=map-more]")).getText())
                        .startsWith("+ " + (pairs.size() - ARCS_DRAWN) + " smaller pairs");
                WallDashboardIT.assertFitsWithoutScrolling(browser);
                assertReadable(browser, "the wall of a busy day");
                WallDashboardIT.screenshot(browser, "wall-busy-day-1920x1080.png");
                Browser.assertNoConsoleErrors(browser);
            } finally {
                browser.quit();
            }
        }
    }

    /** A wall at 1920x1080 as it is now: no text under 16 px, and no serious or critical violation of WCAG 2.2 AA. */
    static void assertReadable(ChromeDriver browser, String page) {
        assertThat(Accessibility.textSmallerThan(browser, SMALLEST_TYPE_PX)).as("text under 16 px on " + page).isEmpty();
        Accessibility.assertNoSeriousViolations(browser, page);
    }

    /**
     * 45,000 exchanges of today spread over the pairs as a busy day spreads them: most among members, some parties
     * busier than others, the rest between a member and a non-member, over every crime area; in requests of 9,000.
     * Returns the pairs posted.
     */
    static Set<String> postBusyDay(ServiceProcess service, List<String> codes, List<String> roles, List<String> crimeAreas) {
        List<String> members = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            ("MEMBER".equals(roles.get(i)) ? members : others).add(codes.get(i));
        }
        Random random = new Random(45_000);
        Collections.shuffle(members, random);
        Collections.shuffle(others, random);
        Set<String> pairs = new HashSet<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < BUSY_DAY; i++) {
            String from = pick(members, random);
            String to = random.nextInt(10) < 8 ? pick(members, random) : pick(others, random);
            if (from.equals(to)) {
                to = members.get((members.indexOf(from) + 1) % members.size());
            }
            boolean sentByOther = random.nextInt(2) == 0 && others.contains(to);
            pairs.add(sentByOther ? to + ">" + from : from + ">" + to);
            Map<String, Object> exchange = with(with(valid(SuiteClock.now()), "from", sentByOther ? to : from), "to", sentByOther ? from : to);
            batch.add(with(with(exchange, "crimeArea", pick(crimeAreas, random)), "kind", random.nextBoolean() ? "REQUEST" : "INFORMATION"));
            if (batch.size() == 9_000) {
                given().port(service.port()).contentType(ContentType.JSON).body(batch).post("/api/v1/exchanges").then().statusCode(202);
                batch.clear();
            }
        }
        return pairs;
    }

    // Some parties exchange far more than others, as some crime areas are far busier: the square of a uniform draw
    // picks the first ones more often.
    private static String pick(List<String> choices, Random random) {
        double draw = random.nextDouble();
        return choices.get((int) (draw * draw * choices.size()));
    }
}
