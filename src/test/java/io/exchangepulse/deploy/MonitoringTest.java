package io.exchangepulse.deploy;

import io.exchangepulse.support.Manifests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangepulse.support.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod overlay's alerts and dashboard, rendered as the Prometheus operator and Grafana's sidecar find them:
 * every alert worded and linked to its own section of the runbooks, the rules checked by promtool and run
 * against its unit tests (series in, alerts out). MonitoringMetricsTest holds their queries to the service's
 * real metrics.
 */
class MonitoringTest {

    static final Path RUNBOOKS = Path.of("src/docs/runbooks.md");
    static final Path UNIT_TESTS = Path.of("src/test/resources/monitoring/alerts.test.yaml");

    @Test
    void theProdOverlayHoldsTheAlertsAndTheDashboardForGrafanasSidecar() throws Exception {
        assertThat(Monitoring.rule().path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(Monitoring.alerts()).extracting(alert -> alert.path("alert").asText()).contains(
                "ExchangePulseCountingDelayed", "ExchangePulseDeadLetters", "ExchangePulseKafkaConsumerLag",
                "ExchangePulseHttp5xx", "ExchangePulseReadinessFlapping", "ExchangePulseNoLiveViewers");

        assertThat(Monitoring.dashboardConfigMap().at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        JsonNode dashboard = Monitoring.dashboard();
        assertThat(dashboard.path("uid").asText()).isEqualTo("exchange-pulse");
        assertThat(dashboard.path("panels")).extracting(panel -> panel.path("title").asText()).contains(
                "Ingest and counting", "Counting delay", "Dead letters", "Live viewers", "Deltas", "Heap", "GC pauses", "HTTP 5xx");
    }

    @Test
    void everyAlertHasASeverityAWordingAndASectionOfTheRunbooks() throws Exception {
        Set<String> sections = sections(Files.readString(RUNBOOKS));
        List<JsonNode> alerts = Monitoring.alerts();
        assertThat(alerts).isNotEmpty();
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            assertThat(alert.at("/labels/severity").asText()).as(name).isIn("warning", "critical");
            assertThat(alert.at("/annotations/summary").asText()).as(name).isNotBlank();
            assertThat(alert.at("/annotations/description").asText()).as(name).isNotBlank();
            URI runbook = URI.create(alert.at("/annotations/runbook_url").asText());
            assertThat(runbook.getPath()).as(name).endsWith("/src/docs/runbooks.md");
            assertThat(runbook.getFragment()).as("%s's own section", name).isEqualTo(name.toLowerCase());
            assertThat(sections).as("the sections of %s", RUNBOOKS).contains(runbook.getFragment());
        }
    }

    @Test
    void promtoolChecksTheRules(@TempDir Path dir) throws Exception {
        Path promtool = ExternalTool.PROMTOOL.require();
        Path rules = writeRules(dir, Monitoring.rule().at("/spec/groups"));
        assertSucceeds(dir, promtool.toString(), "check", "rules", rules.toString());
    }

    @Test
    void theAlertsFireAsTheirUnitTestsSay(@TempDir Path dir) throws Exception {
        Path promtool = ExternalTool.PROMTOOL.require();
        JsonNode groups = Monitoring.rule().at("/spec/groups").deepCopy();
        // promtool compares an alert's annotations whole: the cases say when alerts fire, the wording is checked above.
        for (JsonNode group : groups) {
            group.path("rules").forEach(rule -> ((ObjectNode) rule).remove("annotations"));
        }
        writeRules(dir, groups);
        Files.copy(UNIT_TESTS, dir.resolve(UNIT_TESTS.getFileName()));
        assertSucceeds(dir, promtool.toString(), "test", "rules", UNIT_TESTS.getFileName().toString());
    }

    /** The rule groups as a Prometheus rules file, rules.yaml (the name the unit tests load). */
    static Path writeRules(Path dir, JsonNode groups) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Manifests.YAML.writeValue(file.toFile(), Map.of("groups", groups));
        return file;
    }

    /** Runs a command in {@code dir}; what it printed is the failure's message. */
    static void assertSucceeds(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s%n%s", String.join(" ", command), output).isZero();
    }

    /** The anchors of a Markdown page's headings, as GitHub makes them (a shell comment in a code block is none). */
    static Set<String> sections(String markdown) {
        return Pattern.compile("(?m)^#+\\s+(.+)$").matcher(markdown.replaceAll("(?s)```.*?```", "")).results()
                .map(heading -> heading.group(1).trim().toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
