package io.exchangepulse.web;

import io.exchangepulse.support.Browser;
import io.exchangepulse.support.SuiteClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A task-force leader looks back: a past day on the trend panel, read from the stored minute and hour counters,
 * with the coordinated action of one of its operations marked on the chart; a day whose minutes are no longer
 * kept is drawn per hour, and the page says why.
 */
@QuarkusIntegrationTest
class LookingBackIT {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aLeaderShowsAPastDayOnTheTrendWithItsOperationMarked() throws Exception {
        LocalDate today = SuiteClock.today();
        LocalDate day = today.minusDays(2);
        Instant morning = day.atTime(10, 0).atZone(SuiteClock.CALENDAR.zone()).toInstant();
        long before = dayTotal(day);

        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(with(valid(morning.plus(Duration.ofMinutes(i))), "crimeArea", "TERRORISM"));
        }
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/exchanges").then().statusCode(202);
        String operation = "LOOK-BACK-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(List.of(
                        Map.of("id", UUID.randomUUID().toString(), "operationId", operation, "type", "OPENED",
                                "occurredAt", morning.minus(Duration.ofHours(2)).toString(), "name", "Look Back",
                                "operationKind", "REGIONAL_OPERATION", "taskForce", "TERRORISM", "countries", List.of("RO", "BG")),
                        Map.of("id", UUID.randomUUID().toString(), "operationId", operation, "type", "COORDINATED_ACTION",
                                "occurredAt", morning.plus(Duration.ofHours(2)).toString())))
                .post("/api/v1/operations/events").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> dayTotal(day) == before + 7);

        ChromeDriver browser = Browser.open(1920, 1080);
        try {
            browser.get(root + "?taskForce=TERRORISM&day=" + day);
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            Browser.signIn(browser, wait, "leader-terrorism");
            By shown = By.cssSelector("[data-period='day:" + day + "']");
            wait.until(b -> !b.findElements(shown).isEmpty());

            assertThat(browser.findElement(By.cssSelector("[data-testid=trend-sum-TERRORISM]")).getDomAttribute("data-value"))
                    .isEqualTo(String.valueOf(before + 7));
            wait.until(b -> b.findElements(By.cssSelector("[data-task-force=TERRORISM] [data-markers]")).stream()
                    .anyMatch(chart -> Integer.parseInt(chart.getDomAttribute("data-markers")) >= 1));
            assertThat(browser.findElements(By.cssSelector("[data-task-force=DRUGS]"))).as("its own task force only").isEmpty();
            WallDashboardIT.assertFitsWithoutScrolling(browser);
            WallDashboardIT.screenshot(browser, "task-force-past-day-1920x1080.png");
            Browser.assertNoConsoleErrors(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aDayWhoseMinutesAreNoLongerKeptIsShownPerHourAndSaysSo() throws Exception {
        LocalDate today = SuiteClock.today();
        // Minutes are kept for 35 days, hours for 400, days for ever (the defaults).
        LocalDate day = today.minusDays(40);
        ChromeDriver browser = Browser.open(1920, 1080);
        try {
            browser.get(root + "?taskForce=TERRORISM&day=" + day);
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            Browser.signIn(browser, wait, "leader-terrorism");
            wait.until(b -> !b.findElements(By.cssSelector("[data-period='day:" + day + "']")).isEmpty());

            assertThat(browser.findElement(By.cssSelector("[data-testid=period-note]")).getText())
                    .isEqualTo("minutes are kept for 35 days: per hour");
            assertThat(browser.findElement(By.cssSelector(".period-status")).getText()).endsWith(", per hour · not live");
            assertThat(browser.findElement(By.cssSelector("[data-testid=trend-sum-TERRORISM]")).getDomAttribute("data-value"))
                    .matches("\\d+");
            WebElement date = browser.findElement(By.cssSelector("[data-testid=period-date]"));
            assertThat(LocalDate.parse(date.getDomProperty("min"))).as("the oldest day whose hours are kept")
                    .isBetween(today.minusDays(400), today.minusDays(399));

            browser.findElement(By.cssSelector("label:has([data-testid=period-week])")).click();
            wait.until(b -> !b.findElements(By.cssSelector("[data-period='week:" + day + "']")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("[data-testid=period-note]")).isDisplayed()).as("its hours are kept").isFalse();
            assertThat(date.getDomProperty("min")).as("days are kept for ever").isEqualTo("1900-01-01");
            Browser.assertNoConsoleErrors(browser);
        } finally {
            browser.quit();
        }
    }

    static long dayTotal(LocalDate day) {
        return given().queryParam("from", day.atStartOfDay(ZoneOffset.UTC).toInstant().toString())
                .queryParam("to", day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString())
                .queryParam("step", "PT1M").queryParam("taskForce", "TERRORISM")
                .get("/api/v1/task-forces/trend").then().statusCode(200)
                .extract().jsonPath().getLong("series[0].total");
    }
}
