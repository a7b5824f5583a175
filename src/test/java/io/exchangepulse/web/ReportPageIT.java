package io.exchangepulse.web;

import io.exchangepulse.support.Accessibility;
import io.exchangepulse.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The annual report in headless Chromium, against the packaged service: the seed's 2008, its CSV link, and A4. */
@QuarkusIntegrationTest
class ReportPageIT {

    @TestHTTPResource("/")
    URL root;

    @Test
    void the2008ReportShowsTheSeedsTablesLinksItsCsvAndPrintsOnA4() throws Exception {
        ChromeDriver browser = Browser.open(1280, 1024);
        try {
            browser.get(root + "report?year=2008");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            Browser.signIn(browser, wait, "analyst");
            wait.until(b -> "ready".equals(b.findElement(By.cssSelector("[data-state]")).getDomAttribute("data-state")));

            assertThat(value(browser, "report-total")).isEqualTo("9196");
            assertThat(value(browser, "report-crime-DRUG_TRAFFICKING-requests")).isEqualTo("112");
            assertThat(value(browser, "report-crime-SMUGGLING_CUSTOMS_FRAUD-information")).isEqualTo("6061");
            assertThat(browser.findElement(By.cssSelector("[data-testid=report-csv]")).getDomAttribute("href"))
                    .endsWith("api/v1/reports/2008.csv");

            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve("report-2008.png"), browser.getScreenshotAs(OutputType.BYTES));
            PrintOptions a4 = new PrintOptions();
            a4.setPageSize(new PageSize(29.7, 21.0));
            byte[] pdf = Base64.getDecoder().decode(browser.print(a4).getContent());
            Files.write(dir.resolve("report-2008.pdf"), pdf);
            assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

            Accessibility.assertNoSeriousViolations(browser, "the report");
            Browser.assertNoConsoleErrors(browser);
        } finally {
            browser.quit();
        }
    }

    static String value(ChromeDriver browser, String testId) {
        var found = browser.findElements(By.cssSelector("[data-testid=" + testId + "]"));
        return found.isEmpty() ? null : found.get(0).getDomAttribute("data-value");
    }
}
