package io.exchangepulse.deploy;

import io.exchangepulse.deploy.PromQl.Matcher;
import io.exchangepulse.deploy.PromQl.Selector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The loose reading of PromQL that MonitoringMetricsTest relies on: names and matchers, and nothing else taken for them. */
class PromQlTest {

    @Test
    void aggregationsFunctionsGroupingLabelsAndNumbersAreNoMetrics() {
        List<Selector> selectors = PromQl.selectors("""
                (sum by (namespace) (rate(http_server_requests_seconds_count{job="exchange-pulse", status=~"5.."}[5m]))
                  / on (namespace) group_left () sum without (pod) (rate(http_server_requests_seconds_count[5m]))) > 0.05
                and max_over_time(pulse_live_viewers[1d] offset 1h) > 1 / 60""");
        assertThat(selectors).extracting(Selector::metric)
                .containsExactly("http_server_requests_seconds_count", "http_server_requests_seconds_count", "pulse_live_viewers");
        assertThat(selectors.get(0).matchers())
                .containsExactly(new Matcher("job", "=", "exchange-pulse"), new Matcher("status", "=~", "5.."));
    }

    @Test
    void bracesAndCommasInsideAValueAndGrafanasVariablesAreRead() {
        List<Selector> selectors = PromQl.selectors("""
                max by (pod) (changes(kube_pod_status_ready{condition="true", pod=~"exchange-pulse-[a-z0-9]{5}", \
                namespace="$namespace"}[$__rate_interval]))""");
        assertThat(selectors).containsExactly(new Selector("kube_pod_status_ready", List.of(new Matcher("condition", "=", "true"),
                new Matcher("pod", "=~", "exchange-pulse-[a-z0-9]{5}"), new Matcher("namespace", "=", "$namespace"))));
    }
}
