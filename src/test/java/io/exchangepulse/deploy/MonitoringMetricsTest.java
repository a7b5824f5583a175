package io.exchangepulse.deploy;

import io.exchangepulse.deploy.PromQl.Matcher;
import io.exchangepulse.deploy.PromQl.Selector;
import io.exchangepulse.platform.Topics;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.KafkaTopics;
import io.exchangepulse.support.Management;
import io.exchangepulse.support.SuiteClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.exchangepulse.support.TestExchanges.valid;
import static io.exchangepulse.support.TestExchanges.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alerts and the dashboard ask only for what the service exposes: every metric their queries name is in
 * the running service's /q/metrics, with the labels they match on (and the values they match exactly). Some
 * series appear only once something happened, so the test makes it happen first: an exchange accepted and one
 * refused, records counted, a dead letter of each topic, a garbage collection. The runbooks' management
 * endpoints answer too.
 */
@QuarkusTest
@Tag("component")
class MonitoringMetricsTest {

    /** Labels Prometheus gives every series of a target (the ServiceMonitor's): never in /q/metrics. */
    static final Set<String> TARGET_LABELS = Set.of("job", "namespace", "pod", "instance", "service", "endpoint", "container");

    /** kube-state-metrics' pod readiness, for the flapping alert and a panel: the service exposes no readiness metric. */
    static final Set<String> ELSEWHERE = Set.of("kube_pod_status_ready");

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Inject
    Topics topics;

    @Test
    void everyMetricTheAlertsAndTheDashboardQueryIsOneTheServiceExposes() throws Exception {
        List<Selector> selectors = new ArrayList<>();
        for (String query : Monitoring.queries()) {
            selectors.addAll(PromQl.selectors(query));
        }
        assertThat(selectors).extracting(Selector::metric).containsAll(ELSEWHERE);

        makeEverySeriesAppear();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(missing(selectors, scrape())).isEmpty());
    }

    @Test
    void theManagementEndpointsTheRunbooksNameAnswer() throws Exception {
        List<String> paths = Pattern.compile("localhost:9000(/q/[a-z/]+)").matcher(Files.readString(MonitoringTest.RUNBOOKS))
                .results().map(m -> m.group(1)).distinct().toList();
        assertThat(paths).contains("/q/health/ready", "/q/metrics");
        for (String path : paths) {
            given().noFilters().baseUri(Management.url()).get(path).then().statusCode(200);
        }
    }

    private void makeEverySeriesAppear() {
        Map<String, Object> exchange = valid(SuiteClock.now());
        given().contentType(ContentType.JSON).body(List.of(exchange)).post("/api/v1/exchanges").then().statusCode(202);
        given().contentType(ContentType.JSON).body(List.of(with(exchange, "crimeArea", "ARSON"))).post("/api/v1/exchanges")
                .then().statusCode(400);
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        KafkaTopics.produce(topics.exchanges(), UUID.randomUUID().toString(), notJson);
        KafkaTopics.produce(topics.operationEvents(), UUID.randomUUID().toString(), notJson);
        Counts.awaitCaughtUp();
        // The service runs in this JVM: this collection is its, and GC pauses are timed once one happened.
        System.gc();
    }

    /** What the queries ask for and the scrape does not have, each worded. */
    static Set<String> missing(List<Selector> selectors, Map<String, List<Map<String, String>>> scraped) {
        Set<String> missing = new LinkedHashSet<>();
        for (Selector selector : selectors) {
            if (ELSEWHERE.contains(selector.metric())) {
                continue;
            }
            List<Map<String, String>> series = scraped.get(selector.metric());
            if (series == null) {
                missing.add(selector.metric());
                continue;
            }
            for (Matcher matcher : selector.matchers()) {
                if (TARGET_LABELS.contains(matcher.label())) {
                    continue;
                }
                if (series.stream().noneMatch(labels -> labels.containsKey(matcher.label()))) {
                    missing.add(selector.metric() + " with a label " + matcher.label());
                } else if (matcher.operator().equals("=") && !matcher.value().contains("$")
                        && series.stream().noneMatch(labels -> matcher.value().equals(labels.get(matcher.label())))) {
                    missing.add(selector.metric() + "{" + matcher.label() + "=\"" + matcher.value() + "\"}");
                }
            }
        }
        return missing;
    }

    /** The service's series: each name with the labels of each of its series. */
    static Map<String, List<Map<String, String>>> scrape() {
        String text = given().noFilters().baseUri(Management.url()).get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, List<Map<String, String>>> series = new HashMap<>();
        text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
            Map<String, String> labels = new HashMap<>();
            LABEL.matcher(line.substring(end, line.lastIndexOf(' '))).results().forEach(l -> labels.put(l.group(1), l.group(2)));
            series.computeIfAbsent(line.substring(0, end), name -> new ArrayList<>()).add(labels);
        });
        return series;
    }
}
