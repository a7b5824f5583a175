package io.exchangepulse.web;

import io.exchangepulse.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wall display in headless Chromium, against the packaged service, the real broker, database and
 * identity provider: each test signs in on the provider's page as a person would.
 */
@QuarkusIntegrationTest
class WallDashboardIT {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theWallShowsTheSeedFollowsNewExchangesAndFitsTheScreen() throws Exception {
        ChromeDriver browser = Browser.open(1920, 1080);
        try {
            browser.get(root + "?mode=wall");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            Browser.signIn(browser, wait, "wall");
            wait.until(b -> !b.findElements(By.cssSelector("[data-testid=connection]")).isEmpty());
            assertThat(browser.getCurrentUrl()).as("back where it started").endsWith("?mode=wall");
            wait.until(b -> "9196".equals(value(browser, "yearly-2008-total")));
            assertThat(browser.findElement(By.cssSelector("[data-testid=caller-name]")).getText()).isEqualTo("wall");
            wait.until(b -> "live".equals(browser.findElement(By.cssSelector("[data-testid=connection]")).getDomAttribute("data-state")));

            long before = settledAfterPosting(browser, wait, 5);
            postExchanges(10);

            assertThat(eventually(wait, browser, before + 10)).isEqualTo(before + 10);
            assertFitsWithoutScrolling(browser);
            screenshot(browser, "wall-1920x1080.png");

            Browser.viewport(browser, 3840, 2160);
            wait.until(b -> "9196".equals(value(browser, "yearly-2008-total")));
            assertFitsWithoutScrolling(browser);
            screenshot(browser, "wall-3840x2160.png");

            assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                    .noneMatch(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue());
        } finally {
            browser.quit();
        }
    }

    @Test
    void aTaskForceLeaderFollowsItsTaskForceAndNothingOfTheWholeCenter() throws Exception {
        ChromeDriver browser = Browser.open(1920, 1080);
        try {
            // The wall's address: a leader gets its own task force's view all the same.
            browser.get(root + "?mode=wall");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            Browser.signIn(browser, wait, "leader-drugs");
            wait.until(b -> "live".equals(browser.findElement(By.cssSelector("[data-testid=connection]")).getDomAttribute("data-state")));
            assertThat(browser.findElement(By.cssSelector("[data-testid=caller-name]")).getText()).isEqualTo("leader-drugs");
            assertThat(value(browser, "yearly-2008-total")).as("the whole center's yearly table").isNull();
            long before = settledAfterPosting(browser, wait, 1);

            postExchanges(3);

            assertThat(eventually(wait, browser, before + 3)).isEqualTo(before + 3);
            assertFitsWithoutScrolling(browser);
            screenshot(browser, "task-force-drugs-1920x1080.png");
        } finally {
            browser.quit();
        }
    }

    /**
     * Posts {@code count} exchanges and waits until the screen shows them, so that a later step starts from a
     * figure that already includes everything posted before it (the first figure shown may predate them).
     */
    static long settledAfterPosting(ChromeDriver browser, WebDriverWait wait, int count) {
        wait.until(b -> value(browser, "total-today") != null);
        long shown = today(browser);
        postExchanges(count);
        wait.until(b -> today(browser) >= shown + count);
        return today(browser);
    }

    /** Waits until today's figure reaches {@code expected} (counts may arrive over more than one delta) and returns it. */
    static long eventually(WebDriverWait wait, ChromeDriver browser, long expected) {
        wait.until(b -> today(browser) >= expected);
        return today(browser);
    }

    static long today(ChromeDriver browser) {
        return Long.parseLong(value(browser, "total-today"));
    }

    static String value(ChromeDriver browser, String testId) {
        var found = browser.findElements(By.cssSelector("[data-testid=" + testId + "]"));
        return found.isEmpty() ? null : found.get(0).getDomAttribute("data-value");
    }

    static void assertFitsWithoutScrolling(ChromeDriver browser) {
        Object overflow = browser.executeScript("const e = document.documentElement;"
                + "return [e.scrollWidth - window.innerWidth, e.scrollHeight - window.innerHeight];");
        assertThat((List<?>) overflow).allSatisfy(excess -> assertThat(((Number) excess).longValue()).isLessThanOrEqualTo(0));
    }

    static void screenshot(ChromeDriver browser, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    static void postExchanges(int count) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(valid(Instant.now()));
        }
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/exchanges").then().statusCode(202);
    }
}
