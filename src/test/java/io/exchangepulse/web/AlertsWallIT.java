package io.exchangepulse.web;

import io.exchangepulse.support.Browser;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.SuiteClock;
import io.exchangepulse.support.TaskForceCounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A surge on the wall, in headless Chromium, against the packaged service with a database of its own, judging every
 * second: a week of usual terrorism activity and half an hour far above it, written to the counters before the suite's
 * clock's now ({@link TaskForceCounts}), is on screen within seconds; once the usual catches up (the past week as busy
 * as the last hour), it goes, and is listed as recent.
 */
class AlertsWallIT {

    static final String SURGE = "TASK_FORCE:TERRORISM:PT1H:SURGE";

    @Test
    void aSurgeIsOnTheWallWithinSecondsAndGoesWhenItIsUsualAgain() throws Exception {
        PulseServices.startOnce();
        String database = "jdbc:" + PulseServices.newDatabase("alerts_wall_" + Long.toHexString(System.nanoTime()));
        try (ServiceProcess service = ServiceProcess.start("alerts", Map.of(
                        "QUARKUS_DATASOURCE_REACTIVE_URL", database.substring("jdbc:".length()),
                        "EXCHANGEPULSE_ALERTS_INTERVAL", "PT1S"))
                .awaitReady(Duration.ofSeconds(90))) {
            ChromeDriver browser = Browser.open(1920, 1080);
            try {
                browser.get("http://localhost:" + service.port() + "/");
                var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                Browser.signIn(browser, wait, "wall");
                Browser.awaitLive(wait);
                assertThat(browser.findElements(alert(SURGE))).isEmpty();

                Instant now = SuiteClock.now();
                TaskForceCounts.usual(database, "TERRORISM", now, 4);
                TaskForceCounts.lastHalfHour(database, "TERRORISM", now, 2);

                wait.until(b -> !b.findElements(alert(SURGE)).isEmpty());
                assertThat(browser.findElement(alert(SURGE)).getDomAttribute("data-kind")).isEqualTo("SURGE");
                assertThat(browser.findElement(alert(SURGE)).getText()).containsIgnoringCase("surge");
                WallDashboardIT.assertFitsWithoutScrolling(browser);
                WallDashboardIT.screenshot(browser, "wall-alert-1920x1080.png");

                // 60 more an hour in the week before: the last hour's 60 is usual now.
                TaskForceCounts.usual(database, "TERRORISM", now, 60);
                wait.until(b -> b.findElements(alert(SURGE)).isEmpty());
                assertThat(given().port(service.port()).get("/api/v1/alerts").then().statusCode(200)
                        .extract().<List<String>>path("recent.id")).contains(SURGE);
                Browser.assertNoConsoleErrors(browser);
            } finally {
                browser.quit();
            }
        }
    }

    static By alert(String id) {
        return By.cssSelector("[data-testid='alert-" + id + "']");
    }
}
