package io.exchangepulse.web;

import io.exchangepulse.support.Accessibility;
import io.exchangepulse.support.Browser;
import io.exchangepulse.support.SuiteClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
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
            // As a wall display is installed: signed in once at /kiosk, with the wall's long session, then on to the wall.
            browser.get(root + "kiosk?next=" + java.net.URLEncoder.encode("/?mode=wall", java.nio.charset.StandardCharsets.UTF_8));
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            Browser.signIn(browser, wait, "wall");
            wait.until(b -> !b.findElements(By.cssSelector("[data-testid=connection]")).isEmpty());
            assertThat(browser.getCurrentUrl()).as("on to the wall").endsWith("/?mode=wall");
            var kiosk = browser.manage().getCookieNamed("q_session_kiosk");
            assertThat(kiosk).as("the kiosk's session").isNotNull();
            assertThat(kiosk.getSameSite()).isEqualTo("Strict");
            assertThat(kiosk.isHttpOnly()).isTrue();
            wait.until(b -> "9196".equals(value(browser, "yearly-2008-total")));
            assertThat(browser.findElement(By.cssSelector("[data-testid=caller-name]")).getText()).isEqualTo("wall");
            Browser.awaitLive(wait);

            long before = settledAfterPosting(browser, wait, 5);
            postExchanges(10);

            assertThat(eventually(wait, browser, before + 10)).isEqualTo(before + 10);
            theMapDrawsTodaysFlow(browser, wait);
            assertFitsWithoutScrolling(browser);
            ReadableWallIT.assertReadable(browser, "the wall");
            screenshot(browser, "wall-1920x1080.png");

            Browser.viewport(browser, 3840, 2160);
            wait.until(b -> "9196".equals(value(browser, "yearly-2008-total")));
            assertFitsWithoutScrolling(browser);
            screenshot(browser, "wall-3840x2160.png");

            Browser.assertNoConsoleErrors(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void theFlowsDetailShowsEveryPartysMatrixBesideTheMap() throws Exception {
        ChromeDriver browser = Browser.open(1920, 1080);
        try {
            browser.get(root + "?detail=flows");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            Browser.signIn(browser, wait, "analyst");
            Browser.awaitLive(wait);
            postExchanges(List.of(with(valid(SuiteClock.now()), "to", "US")));
            wait.until(b -> matrixParties(browser).contains("US"));
            assertThat(browser.findElements(By.cssSelector("[data-testid=flow-map]"))).hasSize(1);
            assertThat(browser.findElements(By.cssSelector("[data-testid=yearly-2008-total]"))).as("nothing else").isEmpty();
            assertFitsWithoutScrolling(browser);
            screenshot(browser, "flows-detail-1920x1080.png");
        } finally {
            browser.quit();
        }
    }

    /**
     * The map: members and observers told apart, an arc per pair weighted by its count, today's RO to BG among
     * them; and the wall's matrix keeps to the members, in type readable across the room.
     */
    static void theMapDrawsTodaysFlow(ChromeDriver browser, WebDriverWait wait) {
        postExchanges(List.of(with(valid(SuiteClock.now()), "to", "AT")));
        wait.until(b -> !b.findElements(By.cssSelector("[data-testid=arc-RO-AT]")).isEmpty());
        WebElement members = browser.findElement(By.cssSelector("[data-testid=arc-RO-BG]"));
        WebElement observers = browser.findElement(By.cssSelector("[data-testid=arc-RO-AT]"));
        assertThat(Long.parseLong(members.getDomAttribute("data-count"))).isGreaterThanOrEqualTo(10);
        assertThat(members.getDomAttribute("class")).contains("arc-members");
        assertThat(observers.getDomAttribute("class")).contains("arc-observers");
        assertThat(Double.parseDouble(members.getDomAttribute("stroke-width")))
                .isGreaterThan(Double.parseDouble(observers.getDomAttribute("stroke-width")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=map-party-RO]")).getDomAttribute("class")).contains("member");
        assertThat(browser.findElement(By.cssSelector("[data-testid=map-party-AT]")).getDomAttribute("class")).contains("observer");
        assertThat(browser.findElements(By.cssSelector("[data-testid=flow-map] .country"))).as("the outlines").hasSizeGreaterThan(20);

        assertThat(matrixParties(browser)).contains("RO", "BG").doesNotContain("AT");
        Object smallest = browser.executeScript("return Math.min(...[...document.querySelectorAll('.panel-flows td, .panel-flows th')]"
                + ".filter(e => e.innerText.trim() !== '').map(e => parseFloat(getComputedStyle(e).fontSize)));");
        assertThat(((Number) smallest).doubleValue()).as("the matrix's smallest type, px").isGreaterThanOrEqualTo(13.5);
    }

    /** The row heads of the flow matrix, read in one go: the matrix redraws its rows when a party joins. */
    @SuppressWarnings("unchecked")
    static List<String> matrixParties(ChromeDriver browser) {
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('.panel-flows tbody th')].map(th => th.innerText.trim());");
    }

    @Test
    void aTaskForceLeaderFollowsItsTaskForceAndNothingOfTheWholeCenter() throws Exception {
        ChromeDriver browser = Browser.open(1920, 1080);
        try {
            // The wall's address: a leader gets its own task force's view all the same.
            browser.get(root + "?mode=wall");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            Browser.signIn(browser, wait, "leader-drugs");
            Browser.awaitLive(wait);
            assertThat(browser.findElement(By.cssSelector("[data-testid=caller-name]")).getText()).isEqualTo("leader-drugs");
            assertThat(value(browser, "yearly-2008-total")).as("the whole center's yearly table").isNull();
            long before = settledAfterPosting(browser, wait, 1);

            postExchanges(3);

            assertThat(eventually(wait, browser, before + 3)).isEqualTo(before + 3);
            assertFitsWithoutScrolling(browser);
            Accessibility.assertNoSeriousViolations(browser, "a task-force leader's view");
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
            batch.add(valid(SuiteClock.now()));
        }
        postExchanges(batch);
    }

    static void postExchanges(List<Map<String, Object>> batch) {
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/exchanges").then().statusCode(202);
    }
}
