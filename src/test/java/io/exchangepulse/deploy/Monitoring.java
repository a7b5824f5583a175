package io.exchangepulse.deploy;

import io.exchangepulse.support.Manifests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The prod overlay's monitoring as kustomize renders it: the PrometheusRule, the dashboard, and their queries. */
final class Monitoring {

    static final String DASHBOARD = "exchange-pulse-dashboard";

    /** Grafana's "label_values(selector, label)": a variable's values, read from a selector. */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*\\w+\\)");

    private Monitoring() {
    }

    static JsonNode rule() throws Exception {
        return Manifests.only(Manifests.rendered("prod"), "PrometheusRule");
    }

    static List<JsonNode> alerts() throws Exception {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode group : rule().at("/spec/groups")) {
            group.path("rules").forEach(alerts::add);
        }
        return alerts;
    }

    static JsonNode dashboardConfigMap() throws Exception {
        return Manifests.named(Manifests.rendered("prod"), "ConfigMap", DASHBOARD);
    }

    static JsonNode dashboard() throws Exception {
        return new ObjectMapper().readTree(dashboardConfigMap().at("/data/exchange-pulse.json").asText());
    }

    /** Every query: the rules' expressions, the panels' and the dashboard variables' selectors. */
    static List<String> queries() throws Exception {
        List<String> queries = new ArrayList<>();
        alerts().forEach(alert -> queries.add(alert.path("expr").asText()));
        JsonNode dashboard = dashboard();
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(target -> queries.add(target.path("expr").asText()));
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            Matcher selector = LABEL_VALUES.matcher(variable.path("query").asText());
            if (selector.matches()) {
                queries.add(selector.group(1));
            }
        }
        return queries;
    }
}
