package io.exchangepulse.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.simulate.Simulator;
import io.exchangepulse.simulate.SimulatorMain;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.ExternalTool;
import io.exchangepulse.support.PulseServices;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every README example that talks to the one-command run (a block that names localhost:8080, the embedded
 * broker's localhost:9092 or the dev identity provider's localhost:8180) runs against this service, its
 * broker and its provider, as printed but for those addresses, in order, as one reader's terminal would:
 * a variable one example sets (a token) is there for the next. Each curl must answer 2xx, or what the JSON
 * block after it shows; each simulator run must have every exchange accepted. A README that drifts from the
 * service fails here.
 */
@QuarkusTest
@Tag("component")
// Last: the simulator examples replay the recent past, where the other tests count in hours of their own.
@Order(Integer.MAX_VALUE)
class ReadmeExamplesTest {

    static final Path README = Path.of("README.md");
    static final Pattern FENCE = Pattern.compile("(?m)^( *)```(\\w*)\\n(.*?)^\\1```\\n", Pattern.DOTALL);
    static final Pattern SIMULATE = Pattern.compile("\\./mvnw -q exec:java@simulate -Dexec\\.args=\"([^\"]*)\"");
    /** A shell variable set on a line of its own: kept for the examples after it. */
    static final Pattern ASSIGNMENT = Pattern.compile("(?m)^[A-Z_]+=.*$");
    static final String STATUS = "__HTTP_STATUS__";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    /** What the examples run so far have set, as a reader's terminal keeps it. */
    final StringBuilder session = new StringBuilder();

    /** A fenced bash block of the README, and the JSON block that shows its answer, if one follows it. */
    record Example(int line, String script, JsonNode shownAnswer) {
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAsPrinted() throws Exception {
        List<Example> examples = examples(Files.readString(README));
        assertThat(examples).as("examples found in the README").hasSizeGreaterThanOrEqualTo(5);
        return examples.stream().map(example -> DynamicTest.dynamicTest("README line " + example.line(), () -> {
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

    static List<Example> examples(String readme) throws Exception {
        List<Example> examples = new ArrayList<>();
        Matcher fence = FENCE.matcher(readme);
        Example pending = null;
        while (fence.find()) {
            String body = fence.group(3).replaceAll("(?m)^" + fence.group(1), "");
            int line = (int) readme.substring(0, fence.start()).lines().count() + 1;
            if (fence.group(2).equals("json") && pending != null && pending.shownAnswer() == null) {
                examples.set(examples.size() - 1, new Example(pending.line(), pending.script(), MAPPER.readTree(body)));
            }
            pending = null;
            if (fence.group(2).equals("bash") && (body.contains("localhost:8080") || body.contains("localhost:9092")
                    || body.contains("localhost:8180"))) {
                pending = new Example(line, body, null);
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
        assertThat(statuses).as("HTTP statuses of README line %d:%n%s", example.line(), output).isNotEmpty();
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
