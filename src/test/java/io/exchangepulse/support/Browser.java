package io.exchangepulse.support;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium driven by its ChromeDriver, both found on the PATH (.ci/run installs Debian's): a real
 * browser, with nothing downloaded at run time. Without them, a browser test is skipped (ExternalTool).
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver open(int width, int height) throws IOException {
        Path chromium = ExternalTool.CHROMIUM.require();
        Path chromedriver = ExternalTool.CHROMEDRIVER.require();
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium")), "profile-");
        var options = new ChromeOptions()
                .setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
                        "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath());
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .build();
        var driver = new ChromeDriver(service, options);
        viewport(driver, width, height);
        return driver;
    }

    /**
     * On the suite's identity provider's sign-in page, where a first visit is sent, chooses {@code user}; the
     * provider then sends the browser back where it was going.
     */
    public static void signIn(ChromeDriver driver, WebDriverWait wait, String user) {
        By button = By.cssSelector("[data-user='" + user + "']");
        wait.until(browser -> !browser.findElements(button).isEmpty());
        driver.findElement(button).click();
        wait.until(browser -> browser.findElements(button).isEmpty());
    }

    /** Waits until the page says its connection to /live is live. */
    public static void awaitLive(WebDriverWait wait) {
        wait.until(browser -> "live".equals(browser.findElement(By.cssSelector("[data-testid=connection]")).getDomAttribute("data-state")));
    }

    /** Nothing the page logged is an error (a warning is allowed: an unknown address parameter, say). */
    public static void assertNoConsoleErrors(ChromeDriver driver) {
        assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                .noneMatch(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue());
    }

    /** Sets the page's viewport itself (the window's size would include the browser's own frame). */
    public static void viewport(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }
}
