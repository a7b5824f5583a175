package io.exchangepulse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.deploy.NetworkPolicyEvaluator.Peer;
import io.exchangepulse.deploy.NetworkPolicyEvaluator.Pod;
import io.exchangepulse.support.Manifests;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.exchangepulse.deploy.NetworkPolicyEvaluator.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The evaluator the manifest tests rely on, held to the NetworkPolicy semantics it claims. */
class NetworkPolicyEvaluatorTest {

    static final Pod SERVICE = Pod.of("apps", labels("app", "svc"));

    static NetworkPolicyEvaluator evaluator(String... yaml) throws Exception {
        List<JsonNode> policies = new java.util.ArrayList<>();
        for (String each : yaml) {
            policies.add(Manifests.YAML.readTree(each));
        }
        return new NetworkPolicyEvaluator(policies, "apps");
    }

    static final String TO_BROKERS = """
            kind: NetworkPolicy
            metadata: {name: p}
            spec:
              podSelector: {matchLabels: {app: svc}}
              policyTypes: [Egress]
              egress:
                - to:
                    - podSelector: {matchLabels: {role: broker}}
                  ports:
                    - {port: 9093, protocol: TCP}
            """;

    @Test
    void aPodSelectorAloneMeansThePolicysOwnNamespace() throws Exception {
        var evaluator = evaluator(TO_BROKERS);
        Pod broker = Pod.of("apps", labels("role", "broker", "extra", "x"));
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(broker), 9093, "TCP")).isTrue();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(Pod.of("elsewhere", broker.labels())), 9093, "TCP")).isFalse();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(Pod.of("apps", labels("role", "other"))), 9093, "TCP")).isFalse();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(broker), 9092, "TCP")).isFalse();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(broker), 9093, "UDP")).isFalse();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.external("10.0.0.1"), 9093, "TCP")).isFalse();
    }

    @Test
    void aPodTheSelectorMissesIsNotIsolated() throws Exception {
        var evaluator = evaluator(TO_BROKERS);
        Pod other = Pod.of("apps", labels("app", "other"));
        assertThat(evaluator.selectsAny(other)).isFalse();
        assertThat(evaluator.egressAllowed(other, Peer.external("203.0.113.9"), 443, "TCP")).isTrue();
        assertThat(evaluator.ingressAllowed(Peer.external("203.0.113.9"), SERVICE, 8080, "TCP"))
                .as("Egress only: ingress is not isolated").isTrue();
    }

    @Test
    void namespaceAndPodSelectorsInOnePeerMustBothMatch() throws Exception {
        var evaluator = evaluator("""
                kind: NetworkPolicy
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                          podSelector: {matchLabels: {k8s-app: kube-dns}}
                    - to:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shared}}
                        - podSelector: {matchLabels: {k8s-app: cache}}
                """);
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(Pod.of("kube-system", labels("k8s-app", "kube-dns"))), 53, "UDP")).isTrue();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(Pod.of("kube-system", labels("k8s-app", "metrics"))), 53, "UDP")).isFalse();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(Pod.of("apps", labels("k8s-app", "kube-dns"))), 53, "UDP")).isFalse();
        // Two peers: either will do, and no ports is every port.
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(Pod.of("shared", labels())), 1, "TCP")).isTrue();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(Pod.of("apps", labels("k8s-app", "cache"))), 6379, "TCP")).isTrue();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(Pod.of("other", labels("k8s-app", "cache"))), 6379, "TCP")).isFalse();
    }

    @Test
    void ipBlocksExpressionsAndNamedPorts() throws Exception {
        var evaluator = evaluator("""
                kind: NetworkPolicy
                spec:
                  podSelector:
                    matchExpressions:
                      - {key: app, operator: In, values: [svc, worker]}
                      - {key: debug, operator: DoesNotExist}
                  policyTypes: [Ingress, Egress]
                  ingress:
                    - from:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                      ports:
                        - port: management
                  egress:
                    - to:
                        - ipBlock: {cidr: 192.0.2.0/24, except: [192.0.2.128/25]}
                      ports:
                        - {port: 443}
                        - {port: 8000, endPort: 8010}
                """);
        assertThat(evaluator.selectsAny(SERVICE)).isTrue();
        assertThat(evaluator.selectsAny(Pod.of("apps", labels("app", "svc", "debug", "1")))).isFalse();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.external("192.0.2.10"), 443, "TCP")).isTrue();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.external("192.0.2.10"), 8005, "TCP")).isTrue();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.external("192.0.2.200"), 443, "TCP")).isFalse();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.external("198.51.100.1"), 443, "TCP")).isFalse();
        assertThat(evaluator.egressAllowed(SERVICE, Peer.pod(Pod.of("apps", labels())), 443, "TCP")).isFalse();

        Pod withPorts = SERVICE.withPorts(Map.of("management", 9000, "http", 8080));
        Peer prometheus = Peer.pod(Pod.of("monitoring", labels("app", "prometheus")));
        assertThat(evaluator.ingressAllowed(prometheus, withPorts, 9000, "TCP")).isTrue();
        assertThat(evaluator.ingressAllowed(prometheus, withPorts, 8080, "TCP")).isFalse();
        assertThat(NetworkPolicyEvaluator.firstHost("192.0.2.0/24")).isEqualTo("192.0.2.1");
        assertThat(NetworkPolicyEvaluator.inCidr("10.1.2.3", "0.0.0.0/0")).isTrue();
    }

    @Test
    void aLabelValueThatIsNotAStringIsAnError() throws Exception {
        var evaluator = evaluator("""
                kind: NetworkPolicy
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - podSelector: {matchLabels: {strimzi.io/broker-role: true}}
                """);
        assertThatThrownBy(() -> evaluator.egressAllowed(SERVICE, Peer.pod(Pod.of("apps", labels("strimzi.io/broker-role", "true"))), 9093, "TCP"))
                .hasMessageContaining("not a string");
    }
}
