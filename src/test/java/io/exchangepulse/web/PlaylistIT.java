package io.exchangepulse.web;

import io.exchangepulse.support.Accessibility;
import io.exchangepulse.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A wall that rotates, in headless Chromium against the packaged service: the wall, then drugs, then the wall again. */
@QuarkusIntegrationTest
class PlaylistIT {

    @TestHTTPResource("/")
    URL root;

    @Test
    void thePlaylistMovesFromSlideToSlideEachOneLive() throws Exception {
        ChromeDriver browser = Browser.open(1920, 1080);
        try {
            browser.get(root + "playlist?slides=wall,DRUGS&dwell=5");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            Browser.signIn(browser, wait, "wall");
            wait.until(b -> "0".equals(playlist(b).getDomAttribute("data-slide")));
            assertThat(slide(browser, 0).getDomAttribute("data-active")).isEqualTo("true");
            assertThat(slide(browser, 1).getDomAttribute("data-active")).isEqualTo("false");
            WallDashboardIT.assertFitsWithoutScrolling(browser);

            wait.until(b -> "1".equals(playlist(b).getDomAttribute("data-slide")));
            assertThat(slide(browser, 1).getDomAttribute("data-active")).isEqualTo("true");
            assertThat(slide(browser, 0).getDomAttribute("data-active")).isEqualTo("false");
            assertThat(browser.findElement(By.cssSelector("[data-testid=playlist-caption]")).getText()).contains("2 / 2");
            browser.switchTo().frame(slide(browser, 1));
            Browser.awaitLive(wait);
            assertThat(browser.findElements(By.cssSelector("[data-task-force]")))
                    .extracting(row -> row.getDomAttribute("data-task-force")).containsOnly("DRUGS");
            browser.switchTo().defaultContent();
            WallDashboardIT.screenshot(browser, "playlist-drugs-1920x1080.png");

            wait.until(b -> "0".equals(playlist(b).getDomAttribute("data-slide")));
            browser.switchTo().frame(slide(browser, 0));
            assertThat(browser.findElement(By.cssSelector("[data-testid=yearly-2008-total]")).getDomAttribute("data-value"))
                    .isEqualTo("9196");
            browser.switchTo().defaultContent();
            Accessibility.assertNoSeriousViolations(browser, "the playlist");
            Browser.assertNoConsoleErrors(browser);
        } finally {
            browser.quit();
        }
    }

    static WebElement playlist(WebDriver browser) {
        return browser.findElement(By.cssSelector("[data-testid=playlist]"));
    }

    static WebElement slide(ChromeDriver browser, int index) {
        return browser.findElement(By.cssSelector("[data-testid=slide-" + index + "]"));
    }
}
