package io.exchangepulse.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of Kubernetes' NetworkPolicy semantics to tell whether a connection is allowed, so that the
 * manifests' policy can be held to pods labelled as their operators label them: a pod that no policy selects
 * for a direction is not isolated in it; an isolated pod gets what any rule of any policy selecting it allows.
 * A rule with no peers allows every peer, one with no ports every port. A peer's podSelector without a
 * namespaceSelector means the policy's own namespace; an ipBlock matches addresses outside the cluster only
 * (pods are not given addresses here). Named ports are resolved on the destination pod.
 */
final class NetworkPolicyEvaluator {

    /** A pod: its namespace (labelled kubernetes.io/metadata.name, as Kubernetes labels every namespace), its labels and named ports. */
    record Pod(String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {

        static Pod of(String namespace, Map<String, String> labels) {
            return new Pod(namespace, labels, Map.of());
        }

        Pod withPorts(Map<String, Integer> ports) {
            return new Pod(namespace, labels, ports);
        }

        Map<String, String> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }
    }

    /** One end of a connection: a pod in the cluster, or an address outside it. */
    record Peer(Pod pod, String ip) {

        static Peer pod(Pod pod) {
            return new Peer(pod, null);
        }

        static Peer external(String ip) {
            return new Peer(null, ip);
        }
    }

    private final List<JsonNode> policies;
    private final String namespace;

    /** The policies of rendered manifests, applied in {@code namespace} (where they have none of their own). */
    NetworkPolicyEvaluator(List<JsonNode> objects, String namespace) {
        this.policies = objects.stream().filter(o -> o.path("kind").asText().equals("NetworkPolicy")).toList();
        this.namespace = namespace;
    }

    boolean selects(JsonNode policy, Pod pod) {
        return namespaceOf(policy).equals(pod.namespace()) && matches(policy.at("/spec/podSelector"), pod.labels());
    }

    /** Whether some policy selects the pod. */
    boolean selectsAny(Pod pod) {
        return policies.stream().anyMatch(p -> selects(p, pod));
    }

    boolean egressAllowed(Pod from, Peer to, int port, String protocol) {
        List<JsonNode> isolating = policies.stream().filter(p -> selects(p, from) && hasType(p, "Egress")).toList();
        if (isolating.isEmpty()) {
            return true;
        }
        Map<String, Integer> named = to.pod() == null ? Map.of() : to.pod().namedPorts();
        for (JsonNode policy : isolating) {
            for (JsonNode rule : policy.at("/spec/egress")) {
                if (portsAllow(rule.path("ports"), port, protocol, named) && peersAllow(rule.path("to"), to, namespaceOf(policy))) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean ingressAllowed(Peer from, Pod to, int port, String protocol) {
        List<JsonNode> isolating = policies.stream().filter(p -> selects(p, to) && hasType(p, "Ingress")).toList();
        if (isolating.isEmpty()) {
            return true;
        }
        for (JsonNode policy : isolating) {
            for (JsonNode rule : policy.at("/spec/ingress")) {
                if (portsAllow(rule.path("ports"), port, protocol, to.namedPorts()) && peersAllow(rule.path("from"), from, namespaceOf(policy))) {
                    return true;
                }
            }
        }
        return false;
    }

    private String namespaceOf(JsonNode policy) {
        String own = policy.at("/metadata/namespace").asText("");
        return own.isEmpty() ? namespace : own;
    }

    /** policyTypes absent: Ingress always, Egress where the policy has egress rules (as the API server defaults them). */
    private static boolean hasType(JsonNode policy, String type) {
        JsonNode types = policy.at("/spec/policyTypes");
        if (types.isMissingNode() || types.isEmpty()) {
            return type.equals("Ingress") || policy.at("/spec/egress").isArray();
        }
        for (JsonNode each : types) {
            if (each.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsAllow(JsonNode ports, int port, String protocol, Map<String, Integer> named) {
        if (ports.isMissingNode() || ports.isNull() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode each : ports) {
            if (!each.path("protocol").asText("TCP").equals(protocol)) {
                continue;
            }
            JsonNode value = each.path("port");
            if (value.isMissingNode() || value.isNull()) {
                return true;
            }
            Integer number = value.isInt() ? Integer.valueOf(value.asInt()) : named.get(value.asText());
            if (number == null) {
                continue;
            }
            int end = each.path("endPort").asInt(number);
            if (port >= number && port <= end) {
                return true;
            }
        }
        return false;
    }

    private static boolean peersAllow(JsonNode peers, Peer peer, String policyNamespace) {
        if (peers.isMissingNode() || peers.isNull() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode each : peers) {
            if (each.has("ipBlock")) {
                if (peer.ip() != null && inBlock(peer.ip(), each.get("ipBlock"))) {
                    return true;
                }
                continue;
            }
            if (peer.pod() == null || !(each.has("podSelector") || each.has("namespaceSelector"))) {
                continue;
            }
            boolean namespaceMatches = each.has("namespaceSelector")
                    ? matches(each.get("namespaceSelector"), peer.pod().namespaceLabels())
                    : peer.pod().namespace().equals(policyNamespace);
            boolean podMatches = !each.has("podSelector") || matches(each.get("podSelector"), peer.pod().labels());
            if (namespaceMatches && podMatches) {
                return true;
            }
        }
        return false;
    }

    /** A label selector: every matchLabels pair and every matchExpressions requirement; an empty one matches everything. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return true;
        }
        for (var entry : selector.path("matchLabels").properties()) {
            if (!entry.getValue().isTextual()) {
                // The API server refuses a label value that is not a string (true, 8080): so would the cluster.
                throw new IllegalArgumentException("label selector value of " + entry.getKey() + " is not a string: " + entry.getValue());
            }
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode requirement : selector.path("matchExpressions")) {
            String key = requirement.path("key").asText();
            List<String> values = new java.util.ArrayList<>();
            requirement.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (requirement.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new IllegalArgumentException("no such selector operator: " + requirement);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean inBlock(String ip, JsonNode ipBlock) {
        if (!inCidr(ip, ipBlock.path("cidr").asText())) {
            return false;
        }
        for (JsonNode except : ipBlock.path("except")) {
            if (inCidr(ip, except.asText())) {
                return false;
            }
        }
        return true;
    }

    static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/");
        byte[] address = bytes(ip);
        byte[] network = bytes(parts[0]);
        if (address.length != network.length) {
            return false;
        }
        int bits = address.length * 8;
        int prefix = Integer.parseInt(parts[1]);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    /** The address after a block's network address: one the block is meant to let through. */
    static String firstHost(String cidr) {
        byte[] network = bytes(cidr.split("/")[0]);
        byte[] next = new BigInteger(1, network).add(BigInteger.ONE).toByteArray();
        byte[] sized = new byte[network.length];
        System.arraycopy(next, Math.max(0, next.length - sized.length), sized, Math.max(0, sized.length - next.length),
                Math.min(next.length, sized.length));
        try {
            return InetAddress.getByAddress(sized).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    private static byte[] bytes(String literal) {
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new IllegalArgumentException("not an IP address literal: " + literal);
        }
        try {
            // A literal: no name is looked up.
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(labels);
    }
}
