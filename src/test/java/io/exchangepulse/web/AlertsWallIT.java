package io.exchangepulse.web;

import io.exchangepulse.support.Browser;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.SuiteClock;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A surge on the wall, in headless Chromium, against the packaged service judging minutes instead of hours
 * (the hour window made a minute long, as an operator could set it): the alert is on screen within seconds
 * and goes once the minute is over and traffic is back to its usual quiet.
 */
class AlertsWallIT {

    static final String SURGE = "TASK_FORCE:TERRORISM:PT1M:SURGE";

    @Test
    void aSurgeIsOnTheWallWithinSecondsAndGoesWhenTrafficIsBackToNormal() throws Exception {
        PulseServices.startOnce();
        try (ServiceProcess service = ServiceProcess.start("alerts", Map.of(
                        "EXCHANGEPULSE_ALERTS_INTERVAL", "PT1S",
                        "EXCHANGEPULSE_ALERTS_HOUR_LENGTH", "PT1M",
                        "EXCHANGEPULSE_ALERTS_HOUR_OBSERVE_GRAIN", "MINUTE",
                        "EXCHANGEPULSE_ALERTS_HOUR_BASELINE_GRAIN", "MINUTE",
                        "EXCHANGEPULSE_ALERTS_HOUR_LOOKBACK", "PT3H"))
                .awaitReady(Duration.ofSeconds(90))) {
            // The usual: a little terrorism traffic a quarter of an hour ago, so the minutes before now are known.
            post(service, 2, SuiteClock.now().minus(Duration.ofMinutes(15)));

            ChromeDriver browser = Browser.open(1920, 1080);
            try {
                browser.get("http://localhost:" + service.port() + "/");
                var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                Browser.signIn(browser, wait, "wall");
                Browser.awaitLive(wait);
                assertThat(browser.findElements(alert(SURGE))).isEmpty();

                // The surge must fall in one minute: the window judged is the minute under way.
                while (LocalTime.now(ZoneOffset.UTC).getSecond() > 35) {
                    Thread.sleep(500);
                }
                post(service, 40, SuiteClock.now());

                wait.until(b -> !b.findElements(alert(SURGE)).isEmpty());
                assertThat(browser.findElement(alert(SURGE)).getDomAttribute("data-kind")).isEqualTo("SURGE");
                assertThat(browser.findElement(alert(SURGE)).getText()).containsIgnoringCase("surge");
                WallDashboardIT.assertFitsWithoutScrolling(browser);
                WallDashboardIT.screenshot(browser, "wall-alert-1920x1080.png");

                new WebDriverWait(browser, Duration.ofSeconds(150)).until(b -> b.findElements(alert(SURGE)).isEmpty());
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

    static void post(ServiceProcess service, int count, Instant at) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(with(valid(at.plusMillis(i)), "crimeArea", "TERRORISM"));
        }
        given().port(service.port()).contentType(ContentType.JSON).body(batch).post("/api/v1/exchanges").then().statusCode(202);
    }
}
