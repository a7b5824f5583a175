package io.exchangepulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.exchangepulse.simulate.SeedShapedTraffic;
import io.exchangepulse.support.Browser;
import io.exchangepulse.support.PacedTraffic;
import io.exchangepulse.support.PageMetrics;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.ServiceProcess;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak (not a test): the packaged service on the suite's own broker, database and identity provider, fed
 * seed-shaped exchanges at many times the demo's 5 a second, with walls open in headless Chromium (signed in at the
 * kiosk, as a wall display is installed) and walls that drop off and reconnect, for as long as a wall must last
 * without a restart, at least half an hour. It samples what a slow leak would pile up, in the walls' pages (each
 * after a forced garbage collection: JavaScript heap, DOM nodes, in the document and out of it, by panel, event
 * listeners, timers; and their layouts) and in the service (heap after a full collection, RSS, threads, open files
 * and sockets, live viewers), prints the samples and each figure's growth per hour over the second half of the run,
 * and writes them to target/soak/.
 *
 * <pre>./mvnw -DskipTests package exec:java@soak [-Dexec.args="--minutes 30 --rate 50 --walls 1 --reconnects 1000 --sample-seconds 60
 * --reduced-motion false"]</pre>
 */
public final class Soak {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Map<String, String> options;
    private final Path out = Path.of("target", "soak").toAbsolutePath();

    private Soak(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Map<String, String> options = Harness.options(args, "minutes", "30", "rate", "50", "walls", "1", "reconnects", "1000",
                "sample-seconds", "60", "reduced-motion", "false");
        Harness.runThenExit(() -> new Soak(options).run());
    }

    private double option(String name) {
        return Double.parseDouble(options.get(name));
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        PulseServices.startOnce();
        Duration length = Duration.ofSeconds((long) (option("minutes") * 60));
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        List<ChromeDriver> walls = new ArrayList<>();
        // On the system's clock, not the suite's (SuiteClock): a soak is a real day, which a long one ends as a wall does.
        try (ServiceProcess service = ServiceProcess.start("soak", ServiceProcess.SYSTEM_CLOCK)
                .awaitReady(Duration.ofSeconds(120))) {
            for (int i = 0; i < option("walls"); i++) {
                walls.add(openWall(service, Boolean.parseBoolean(options.get("reduced-motion"))));
            }
            SeedShapedTraffic traffic = new SeedShapedTraffic(System.nanoTime(), Instant.now());
            List<SoakSample> samples = new ArrayList<>();
            Instant started = Instant.now();
            try (PacedTraffic feed = new PacedTraffic(service.port(), option("rate"), () -> traffic.next(Instant.now()));
                 SoakReconnects reconnects = new SoakReconnects(service.port(), (int) option("reconnects"), length)) {
                long begin = System.nanoTime();
                for (Duration at : moments(length, Duration.ofSeconds((long) option("sample-seconds")))) {
                    long wait = begin + at.toNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                    List<PageMetrics> pages = feed.quiet(() -> walls.stream().map(PageMetrics::read).toList());
                    samples.add(new SoakSample((System.nanoTime() - begin) / 6e10, pages, SoakServiceSample.read(service)));
                    SoakTable table = new SoakTable(samples);
                    if (samples.size() == 1) {
                        table.printHeader(System.out);
                    }
                    table.printRow(System.out, samples.size() - 1);
                }
                System.out.printf("%nSent %,d exchanges (%,d refused, last: %s); %,d reconnects (%,d failed, last: %s)%n%n",
                        feed.accepted(), feed.refused(), feed.lastRefusal(), reconnects.made(), reconnects.failed(), reconnects.lastFailure());
                report(samples, started, loadBefore, feed, reconnects);
            }
        } finally {
            walls.forEach(ChromeDriver::quit);
        }
    }

    /** When the samples are taken: from the start every {@code every}, and at the end. */
    private static List<Duration> moments(Duration length, Duration every) {
        List<Duration> moments = new ArrayList<>();
        for (Duration at = Duration.ZERO; at.compareTo(length) < 0; at = at.plus(every)) {
            moments.add(at);
        }
        moments.add(length);
        return moments;
    }

    /**
     * A wall display as it is installed: signed in once at the kiosk as {@code wall}, then on to the wall. With reduced
     * motion its numbers take a new value at once instead of counting up to it, which tells the layouts the counting
     * costs from those the changes do.
     */
    private static ChromeDriver openWall(ServiceProcess service, boolean reducedMotion) throws Exception {
        ChromeDriver wall = Browser.open(1920, 1080);
        PageMetrics.watchTimers(wall);
        if (reducedMotion) {
            wall.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        }
        wall.get(service.url() + "kiosk?next=" + URLEncoder.encode("/?mode=wall", StandardCharsets.UTF_8));
        var wait = new WebDriverWait(wall, Duration.ofSeconds(60));
        Browser.signIn(wall, wait, "wall");
        Browser.awaitLive(wait);
        return wall;
    }

    private void report(List<SoakSample> samples, Instant started, String loadBefore, PacedTraffic feed, SoakReconnects reconnects)
            throws Exception {
        SoakTable table = new SoakTable(samples);
        var printed = new ByteArrayOutputStream();
        table.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("started", started.toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version"),
                "loadAverageBefore", loadBefore, "loadAverageAfter", Files.readString(Path.of("/proc/loadavg")).trim()));
        results.put("options", options);
        results.put("exchanges", Map.of("accepted", feed.accepted(), "refused", feed.refused()));
        results.put("reconnects", Map.of("made", reconnects.made(), "failed", reconnects.failed()));
        results.put("growth", table.growth());
        results.put("workPerMinute", table.workPerMinute());
        results.put("samples", samples);
        String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Files.writeString(out.resolve("latest.json"), json);
        Files.writeString(out.resolve("soak-" + started.toString().replace(':', '-') + ".json"), json);
        Files.writeString(out.resolve("latest.txt"), printed.toString(StandardCharsets.UTF_8));
        System.out.print(printed.toString(StandardCharsets.UTF_8));
        System.out.println("Written to " + out.resolve("latest.json") + " and latest.txt");
    }
}
