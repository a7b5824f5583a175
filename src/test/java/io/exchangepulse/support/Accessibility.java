package io.exchangepulse.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page is held to for people who read it from across the room or with less than perfect sight: axe-core's
 * WCAG 2.2 A and AA rules (contrast among them) with no serious or critical violation, and no text smaller than a
 * size. axe-core comes from Maven Central in a test jar (com.deque.html.axe-core:selenium) and is injected here, in
 * the page and each of its frames, so that a machine with only a JDK and the browser runs it.
 */
public final class Accessibility {

    private static final String AXE = axeSource();
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
              .then((results) => done(results.violations.map((violation) => ({
                id: violation.id,
                impact: violation.impact,
                nodes: violation.nodes.map((node) => `${node.target.join(' > ')}: ${node.failureSummary.replace(/\\s+/g, ' ')}`),
              }))))
              .catch((error) => done([{ id: 'axe-error', impact: 'critical', nodes: [String(error)] }]));
            """;
    // Every text node that shows (not hidden, not the screen readers' own): its size on screen, in CSS pixels. Text in
    // an SVG is sized in the SVG's units, so its size is scaled by the drawing's scale on screen.
    private static final String TEXT_SIZES = """
            const smallest = arguments[0];
            const offenders = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent.trim();
              const element = node.parentElement;
              if (!text || !element || element.closest('.visually-hidden, [hidden], noscript, title, desc')) continue;
              const style = getComputedStyle(element);
              if (style.visibility !== 'visible' || style.display === 'none') continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              const shown = [...range.getClientRects()].some((rect) => rect.width > 0 && rect.height > 0
                && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth);
              if (!shown) continue;
              const scale = element instanceof SVGElement ? element.getScreenCTM().a : 1;
              const size = parseFloat(style.fontSize) * scale;
              if (size < smallest) {
                const place = element.closest('[data-testid]')?.getAttribute('data-testid') ?? element.closest('section, header')?.className;
                offenders.push(`${size.toFixed(1)} px "${text.slice(0, 40)}" (${element.localName}${element.classList.length ? `.${[...element.classList].join('.')}` : ''} in ${place})`);
              }
            }
            return offenders;
            """;

    private Accessibility() {
    }

    /**
     * Runs axe-core's WCAG 2.2 AA rules over the page as it is now, frames included, and fails with every serious or
     * critical violation: its rule, impact, and each element it found with what is wrong there.
     */
    @SuppressWarnings("unchecked")
    public static void assertNoSeriousViolations(ChromeDriver driver, String page) {
        inject(driver);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        var violations = (List<Map<String, Object>>) driver.executeAsyncScript(RUN, WCAG_AA);
        var serious = violations.stream()
                .filter(violation -> List.of("serious", "critical").contains(violation.get("impact")))
                .map(violation -> violation.get("id") + " (" + violation.get("impact") + "):\n    "
                        + String.join("\n    ", (List<String>) violation.get("nodes")))
                .toList();
        assertThat(serious).as("axe-core's serious and critical violations on " + page).isEmpty();
    }

    /** Every text shown that is smaller than {@code smallestPx} on screen, each with its size, words and place. */
    @SuppressWarnings("unchecked")
    public static List<String> textSmallerThan(ChromeDriver driver, double smallestPx) {
        return (List<String>) driver.executeScript(TEXT_SIZES, smallestPx);
    }

    // axe in the page looks into each frame through the axe in that frame.
    private static void inject(ChromeDriver driver) {
        driver.executeScript(AXE);
        for (WebElement frame : driver.findElements(By.tagName("iframe"))) {
            driver.switchTo().frame(frame);
            driver.executeScript(AXE);
            driver.switchTo().parentFrame();
        }
    }

    private static String axeSource() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
