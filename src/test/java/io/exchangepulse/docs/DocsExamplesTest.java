package io.exchangepulse.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.platform.CenterClock;
import io.exchangepulse.simulate.Simulator;
import io.exchangepulse.simulate.SimulatorMain;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.ExternalTool;
import io.exchangepulse.support.PulseServices;
import io.exchangepulse.support.SuiteClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented example that talks to the one-command run (a block that names localhost:8080, the embedded
 * broker's localhost:9092 or the dev identity provider's localhost:8180) runs against this service, its broker
 * and its provider, as printed but for those addresses, in order, as one reader's terminal would: the README's
 * first, then each document's of {@link #DOCUMENTS}; a variable one example sets (a token) is there for the next.
 * Each curl must answer 2xx, or what the JSON block after it shows; each simulator run must have every exchange
 * accepted. A document that drifts from the service fails here.
 */
@QuarkusTest
@Tag("component")
// Last: the simulator examples replay the recent past, where the other tests count in hours of their own.
@Order(Integer.MAX_VALUE)
class DocsExamplesTest {

    static final Path README = Path.of("README.md");
    static final Path DOCS = Path.of("src/docs");
    /**
     * The documents in the order their examples run: the README, where a newcomer starts, then the documents in
     * the order its "Documentation" lists them, so that a token an earlier one gets is there for a later one as
     * it is for a reader. A document under src/docs that this list does not name runs after them, by name, so
     * that no example is left out.
     */
    static final List<Path> DOCUMENTS = Stream.of("api.md", "deployment.md", "operations.md", "security.md",
            "performance.md", "development.md").map(DOCS::resolve).toList();
    static final Pattern FENCE = Pattern.compile("(?m)^( *)```(\\w*)\\n(.*?)^\\1```\\n", Pattern.DOTALL);
    static final Pattern SIMULATE = Pattern.compile("\\./mvnw -q exec:java@simulate -Dexec\\.args=\"([^\"]*)\"");
    /** A shell variable set on a line of its own: kept for the examples after it. */
    static final Pattern ASSIGNMENT = Pattern.compile("(?m)^[A-Z_]+=.*$");
    static final String STATUS = "__HTTP_STATUS__";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    @Inject
    CenterClock clock;

    /**
     * A reader runs the examples on the real clock (`date -u` in them, the simulator's own start), so they run on
     * it here: the center's clock is set to the system's while they run, and back to the suite's after.
     */
    @BeforeEach
    void onTheReadersClock() {
        clock.setTo(Instant.now());
    }

    @AfterEach
    void backToTheSuitesClock() {
        clock.setTo(SuiteClock.now());
    }

    /** What the examples run so far have set, as a reader's terminal keeps it. */
    final StringBuilder session = new StringBuilder();

    /** A fenced bash block of a document, and the JSON block that shows its answer, if one follows it at once. */
    record Example(Path document, int line, String script, JsonNode shownAnswer) {
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAsPrinted() throws Exception {
        List<Example> examples = new ArrayList<>();
        for (Path document : documents()) {
            examples.addAll(examples(document, Files.readString(document)));
        }
        assertThat(examples).as("examples found in the README").anyMatch(example -> example.document().equals(README));
        assertThat(examples).as("examples found in all").hasSizeGreaterThanOrEqualTo(8);
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.document() + " line " + example.line(), () -> {
            Matcher simulate = SIMULATE.matcher(example.script());
            if (!simulate.find()) {
                curl(example);
                return;
            }
            do {
                simulate(simulate.group(1));
            } while (simulate.find());
            // What the simulator sent is counted before the next test takes its own figures.
            Counts.awaitCaughtUp();
        }));
    }

    /** The README, the listed documents, then any other under src/docs by name; a listed one that is gone fails. */
    static List<Path> documents() throws Exception {
        List<Path> documents = new ArrayList<>(List.of(README));
        for (Path listed : DOCUMENTS) {
            assertThat(listed).as("a document the examples' order names").exists();
            documents.add(listed);
        }
        try (Stream<Path> others = Files.list(DOCS)) {
            others.filter(path -> path.toString().endsWith(".md") && !DOCUMENTS.contains(path)).sorted().forEach(documents::add);
        }
        return documents;
    }

    static List<Example> examples(Path document, String text) throws Exception {
        List<Example> examples = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        Example pending = null;
        int previousEnd = 0;
        while (fence.find()) {
            String body = fence.group(3).replaceAll("(?m)^" + fence.group(1), "");
            int line = (int) text.substring(0, fence.start()).lines().count() + 1;
            // Only a JSON block right below an example shows its answer: one after some prose is another matter
            // (a message of the live protocol).
            boolean adjacent = text.substring(previousEnd, fence.start()).isBlank();
            previousEnd = fence.end();
            if (fence.group(2).equals("json") && adjacent && pending != null && pending.shownAnswer() == null) {
                examples.set(examples.size() - 1, new Example(document, pending.line(), pending.script(), MAPPER.readTree(body)));
            }
            pending = null;
            if (fence.group(2).equals("bash") && (body.contains("localhost:8080") || body.contains("localhost:9092")
                    || body.contains("localhost:8180"))) {
                pending = new Example(document, line, body, null);
                examples.add(pending);
            }
        }
        return examples;
    }

    void curl(Example example) throws Exception {
        Path curl = ExternalTool.CURL.require();
        String printed = addressed(example.script());
        String script = "curl() { " + curl + " --fail-with-body --write-out '\\n" + STATUS + "%{http_code}\\n' \"$@\"; }\n"
                + "set -e\n" + session + printed;
        ASSIGNMENT.matcher(printed).results().forEach(assignment -> session.append(assignment.group()).append('\n'));
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = bash.waitFor();
        List<Integer> statuses = output.lines().filter(l -> l.startsWith(STATUS))
                .map(l -> Integer.parseInt(l.substring(STATUS.length()))).toList();
        assertThat(statuses).as("HTTP statuses of %s line %d:%n%s", example.document(), example.line(), output).isNotEmpty();
        if (example.shownAnswer() == null) {
            assertThat(exit).as(output).isZero();
            assertThat(statuses).as(output).allSatisfy(status -> assertThat(status).isBetween(200, 299));
            return;
        }
        JsonNode shown = example.shownAnswer();
        assertThat(statuses).as(output).containsOnly(shown.get("status").asInt());
        JsonNode answer = MAPPER.readTree(output.substring(0, output.indexOf(STATUS)));
        assertThat(answer.get("type")).isEqualTo(shown.get("type"));
        assertThat(answer.get("detail")).isEqualTo(shown.get("detail"));
        assertThat(answer.get("errors").findValues("field")).isEqualTo(shown.get("errors").findValues("field"));
    }

    /** The example with the one-command run's addresses replaced by the suite's. */
    String addressed(String example) {
        return example.replace("http://localhost:8080", "http://localhost:" + root.getPort())
                .replace("http://localhost:8180", PulseServices.issuer().url())
                .replace("localhost:9092", PulseServices.bootstrapServers());
    }

    /**
     * In this JVM and three seconds long: a sped-up run replays the same period faster (the speedup scaled
     * by the run's length), a run at a flat rate keeps its rate.
     */
    void simulate(String args) throws Exception {
        List<String> options = new ArrayList<>(List.of(addressed(args).split(" ")));
        if (!options.contains("--provider")) {
            options.addAll(List.of("--provider", PulseServices.issuer().url()));
        }
        int duration = options.indexOf("--duration");
        int speedup = options.indexOf("--speedup");
        if (speedup >= 0) {
            double seconds = java.time.Duration.parse(options.get(duration + 1)).toSeconds();
            options.set(speedup + 1, String.valueOf(Double.parseDouble(options.get(speedup + 1)) * seconds / 3));
        }
        options.set(duration + 1, "PT3S");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Simulator.Result result = SimulatorMain.run(options.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(result.sent()).as(printed).isPositive();
        assertThat(result.accepted()).as(printed).isEqualTo(result.sent());
        assertThat(result.errors()).as(printed).isZero();
    }
}
