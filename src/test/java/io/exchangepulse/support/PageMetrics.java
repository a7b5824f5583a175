package io.exchangepulse.support;

import org.openqa.selenium.chrome.ChromeDriver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a page holds after a forced garbage collection, read through Chrome's DevTools protocol: what a page that
 * leaks would pile up over hours (its JavaScript heap, its DOM nodes, its event listeners and its timers), and how
 * much work it does (layouts and style recalculations since it opened, to be read as a rate between two readings).
 *
 * @param nodes          DOM nodes alive in the renderer, whether in the document or not
 * @param attachedNodes  nodes in the document; the rest ({@link #detachedNodes()}) is kept only by the page's script
 * @param nodesByRegion  nodes in the document by what holds them: the header, the alerts strip and each panel
 *                       (by its {@code panel-} class, or its other); and the map's arcs
 * @param intervals      intervals set and not cleared ({@link #watchTimers})
 * @param timeouts       timeouts set and neither run nor cleared
 */
public record PageMetrics(long jsHeapUsedBytes, long nodes, long attachedNodes, long listeners, long layouts,
                          long styleRecalcs, long intervals, long timeouts, Map<String, Long> nodesByRegion) {

    /**
     * Keeps count of a document's timers, which a page cannot tell otherwise. Only callbacks are counted: a string of
     * code given to a timer runs uncounted, as no page of ours gives one.
     */
    private static final String TIMER_WATCH = """
            (() => {
              const intervals = new Set();
              const timeouts = new Set();
              const { setInterval: set, setTimeout: wait, clearInterval: stop, clearTimeout: cancel } = window;
              window.setInterval = (...args) => {
                const id = set(...args);
                intervals.add(id);
                return id;
              };
              window.setTimeout = (callback, ...rest) => {
                if (typeof callback !== 'function') return wait(callback, ...rest);
                const id = wait((...args) => {
                  timeouts.delete(id);
                  callback(...args);
                }, ...rest);
                timeouts.add(id);
                return id;
              };
              // Either clears either kind of timer: they share one set of ids.
              window.clearInterval = window.clearTimeout = (id) => {
                intervals.delete(id);
                timeouts.delete(id);
                stop(id);
              };
              Object.defineProperty(window, '__pendingTimers', { value: () => [intervals.size, timeouts.size] });
            })();
            """;

    /** The nodes in the document, and by region; every kind of node, as the renderer's count has them. */
    private static final String ATTACHED = """
            const count = (root) => {
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
              let nodes = 1;
              while (walker.nextNode()) nodes += 1;
              return nodes;
            };
            const regions = {};
            for (const region of document.querySelectorAll('header, [data-testid=alerts], .panel')) {
              const classes = [...region.classList].filter((each) => each !== 'panel');
              const name = region.matches('.panel')
                ? classes.find((each) => each.startsWith('panel-')) ?? classes[0] ?? 'panel'
                : region.dataset.testid ?? region.localName;
              regions[name] = (regions[name] ?? 0) + count(region);
            }
            // One a pair of parties that exchanged today: what the map adds as the day goes on.
            regions['map arcs'] = document.querySelectorAll('.flow-map path.arc').length;
            const timers = window.__pendingTimers?.() ?? [-1, -1];
            return { attached: count(document), regions, intervals: timers[0], timeouts: timers[1] };
            """;

    /** Counts the timers of every document the page opens from now on: before its first address, then. */
    public static void watchTimers(ChromeDriver page) {
        page.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TIMER_WATCH));
    }

    /**
     * Reads the page after a full collection. Read it quiet, a second or two after the last change it was sent: a
     * wall's numbers count up to a new value over most of a second, and each frame of that makes new text, which a
     * count taken meanwhile would hold as nodes not yet collected.
     */
    @SuppressWarnings("unchecked")
    public static PageMetrics read(ChromeDriver page) {
        page.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        page.executeCdpCommand("Performance.enable", Map.of());
        Map<String, Number> metrics = new LinkedHashMap<>();
        for (Map<String, Object> metric : (List<Map<String, Object>>) page.executeCdpCommand("Performance.getMetrics", Map.of()).get("metrics")) {
            metrics.put((String) metric.get("name"), (Number) metric.get("value"));
        }
        Map<String, Object> document = (Map<String, Object>) page.executeScript(ATTACHED);
        Map<String, Long> regions = new LinkedHashMap<>();
        ((Map<String, Number>) document.get("regions")).forEach((name, nodes) -> regions.put(name, nodes.longValue()));
        return new PageMetrics(metrics.get("JSHeapUsedSize").longValue(), metrics.get("Nodes").longValue(),
                ((Number) document.get("attached")).longValue(), metrics.get("JSEventListeners").longValue(),
                metrics.get("LayoutCount").longValue(), metrics.get("RecalcStyleCount").longValue(),
                ((Number) document.get("intervals")).longValue(), ((Number) document.get("timeouts")).longValue(), regions);
    }

    public long detachedNodes() {
        return nodes - attachedNodes;
    }

    public double jsHeapMb() {
        return jsHeapUsedBytes / (1024.0 * 1024);
    }
}
