package io.exchangepulse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.deploy.NetworkPolicyEvaluator.Peer;
import io.exchangepulse.deploy.NetworkPolicyEvaluator.Pod;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.identity.Role;
import io.exchangepulse.support.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.exchangepulse.deploy.NetworkPolicyEvaluator.labels;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity and access on the cluster, held to what the operators really do: the NetworkPolicy against pods
 * labelled as Strimzi, CloudNativePG and the Keycloak operator label them, Kafka's listener, authorization
 * and users, TLS to PostgreSQL and at the Ingress, the management port, and the development realm.
 */
class ClusterSecurityTest {

    /** Where an overlay is applied (kubectl apply -k ... -n): the manifests name no namespace of their own. */
    static final String NAMESPACE = "exchange-pulse";

    static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    static List<JsonNode> rendered(String overlay) throws Exception {
        List<JsonNode> objects = RENDERED.get(overlay);
        if (objects == null) {
            objects = KubernetesManifestsTest.render(overlay);
            RENDERED.put(overlay, objects);
        }
        return objects;
    }

    // --- The NetworkPolicy ---

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePolicySelectsTheServicesPodsAndNoOperatorsPods(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        var policy = new NetworkPolicyEvaluator(objects, NAMESPACE);
        assertThat(policy.selectsAny(servicePod(objects))).as("the service's own pods").isTrue();
        Cluster cluster = Cluster.of(objects);
        for (Pod other : List.of(strimziBroker(cluster.kafka()), cnpgInstance(cluster.database(), 1, "primary"),
                keycloakPod("pulse-keycloak"), Pod.of(NAMESPACE, labels("app", "other")))) {
            assertThat(policy.selectsAny(other)).as("a pod not the service's: %s", other.labels()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void egressReachesDnsKafkaPostgresqlAndTheIdentityProviderOnly(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        var policy = new NetworkPolicyEvaluator(objects, NAMESPACE);
        Pod service = servicePod(objects);
        Cluster cluster = Cluster.of(objects);

        Pod dns = Pod.of("kube-system", labels("k8s-app", "kube-dns", "pod-template-hash", "5d78c9869d"));
        assertThat(policy.egressAllowed(service, Peer.pod(dns), 53, "UDP")).as("DNS over UDP").isTrue();
        assertThat(policy.egressAllowed(service, Peer.pod(dns), 53, "TCP")).as("DNS over TCP").isTrue();

        Pod broker = strimziBroker(cluster.kafka());
        assertThat(policy.egressAllowed(service, Peer.pod(broker), cluster.kafkaPort(), "TCP"))
                .as("a Strimzi broker of %s on %d", cluster.kafka(), cluster.kafkaPort()).isTrue();
        assertThat(policy.egressAllowed(service, Peer.pod(strimziBrokerOnly(cluster.kafka())), cluster.kafkaPort(), "TCP"))
                .as("a broker of a node pool of brokers only").isTrue();
        assertThat(policy.egressAllowed(service, Peer.pod(broker), 9092, "TCP")).as("no plain listener").isFalse();
        assertThat(policy.egressAllowed(service, Peer.pod(strimziControllerOnly(cluster.kafka())), cluster.kafkaPort(), "TCP"))
                .as("a controller that is no broker").isFalse();
        assertThat(policy.egressAllowed(service, Peer.pod(strimziEntityOperator(cluster.kafka())), cluster.kafkaPort(), "TCP"))
                .as("Strimzi's entity operator").isFalse();
        assertThat(policy.egressAllowed(service, Peer.pod(Pod.of("elsewhere", broker.labels())), cluster.kafkaPort(), "TCP"))
                .as("a broker of that name in another namespace").isFalse();

        assertThat(policy.egressAllowed(service, Peer.pod(cnpgInstance(cluster.database(), 1, "primary")), cluster.databasePort(), "TCP"))
                .as("the CloudNativePG primary of %s", cluster.database()).isTrue();
        assertThat(policy.egressAllowed(service, Peer.pod(cnpgInstance(cluster.database(), 2, "replica")), cluster.databasePort(), "TCP"))
                .as("an instance that becomes primary at a failover").isTrue();

        URI provider = provider(objects);
        int providerPort = port(provider);
        if (overlay.equals("dev")) {
            String keycloak = keycloakName(objects, provider);
            assertThat(policy.egressAllowed(service, Peer.pod(keycloakPod(keycloak)), providerPort, "TCP"))
                    .as("Keycloak's pods on %d", providerPort).isTrue();
        } else {
            List<String> blocks = ipBlocks(objects);
            assertThat(blocks).as("the center's provider, outside the cluster").isNotEmpty();
            for (String block : blocks) {
                String address = NetworkPolicyEvaluator.firstHost(block);
                assertThat(policy.egressAllowed(service, Peer.external(address), providerPort, "TCP"))
                        .as("the provider at %s on %d", address, providerPort).isTrue();
                assertThat(policy.egressAllowed(service, Peer.external(address), 80, "TCP")).as("plain HTTP").isFalse();
            }
        }

        Pod other = Pod.of(NAMESPACE, labels("app", "other"));
        for (int port : List.of(53, 80, 443, 5432, 8080, 9092, 9093, 9000)) {
            assertThat(policy.egressAllowed(service, Peer.pod(other), port, "TCP")).as("another pod on %d", port).isFalse();
            assertThat(policy.egressAllowed(service, Peer.pod(Pod.of("elsewhere", labels("app", "other"))), port, "TCP"))
                    .as("a pod in another namespace on %d", port).isFalse();
        }
        for (String address : List.of("203.0.113.50", "8.8.8.8")) {
            for (int port : List.of(53, 80, 443, 5432, 9093)) {
                assertThat(policy.egressAllowed(service, Peer.external(address), port, "TCP"))
                        .as("%s on %d", address, port).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressLetsInOnlyTheIngressControllerAndPrometheus(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        var policy = new NetworkPolicyEvaluator(objects, NAMESPACE);
        Pod service = servicePod(objects);
        int http = applicationPort("quarkus.http.port");
        int management = applicationPort("quarkus.management.port");

        Peer controller = Peer.pod(Pod.of("ingress-nginx", labels("app.kubernetes.io/name", "ingress-nginx")));
        Peer prometheus = Peer.pod(Pod.of("monitoring", labels("app.kubernetes.io/name", "prometheus")));
        Peer other = Peer.pod(Pod.of(NAMESPACE, labels("app", "other")));
        assertThat(policy.ingressAllowed(controller, service, http, "TCP")).as("the ingress controller to http").isTrue();
        assertThat(policy.ingressAllowed(controller, service, management, "TCP")).as("the ingress controller to management").isFalse();
        assertThat(policy.ingressAllowed(prometheus, service, management, "TCP")).as("Prometheus to management").isTrue();
        for (int port : List.of(http, management)) {
            assertThat(policy.ingressAllowed(other, service, port, "TCP")).as("another pod to %d", port).isFalse();
            assertThat(policy.ingressAllowed(Peer.external("203.0.113.50"), service, port, "TCP")).as("outside to %d", port).isFalse();
        }
    }

    // --- Kafka ---

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaIsReachedOverTlsWithScram(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        Map<String, String> env = environment(objects);
        Cluster cluster = Cluster.of(objects);
        assertThat(env).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        assertThat(cluster.kafkaPort()).isEqualTo(9093);

        JsonNode jaas = secretRef(objects, "KAFKA_SASL_JAAS_CONFIG");
        assertThat(jaas.path("key").asText()).isEqualTo("sasl.jaas.config");

        SecretFile truststore = mountedSecretFile(objects, env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertThat(truststore.secret()).as("Strimzi's cluster CA").isEqualTo(cluster.kafka() + "-cluster-ca-cert");
        assertThat(truststore.key()).isEqualTo("ca.crt");
    }

    @Test
    void theDevBrokerAuthenticatesEveryClientAndAuthorizesWithAcls() throws Exception {
        List<JsonNode> objects = rendered("dev");
        Cluster cluster = Cluster.of(objects);
        JsonNode kafka = named(objects, "Kafka", cluster.kafka());

        JsonNode listeners = kafka.at("/spec/kafka/listeners");
        assertThat(listeners).isNotEmpty();
        for (JsonNode listener : listeners) {
            assertThat(listener.at("/authentication/type").asText()).as("listener %s", listener.path("name").asText())
                    .isEqualTo("scram-sha-512");
            assertThat(listener.path("tls").asBoolean()).as("listener %s over TLS", listener.path("name").asText()).isTrue();
        }
        assertThat(listeners).anySatisfy(l -> assertThat(l.path("port").asInt()).isEqualTo(cluster.kafkaPort()));
        assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
        assertThat(kafka.at("/spec/kafka/authorization/superUsers")).as("no super users besides Strimzi's own").isEmpty();
        assertThat(kafka.at("/spec/entityOperator/userOperator").isObject()).as("the user operator makes the KafkaUsers").isTrue();

        String user = secretRef(objects, "KAFKA_SASL_JAAS_CONFIG").path("name").asText();
        JsonNode service = named(objects, "KafkaUser", user);
        assertThat(service.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(cluster.kafka());
        assertThat(service.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(service.at("/spec/authorization/type").asText()).isEqualTo("simple");
    }

    @Test
    void onlyTheServiceWritesTheDeltas() throws Exception {
        List<JsonNode> objects = rendered("dev");
        String service = secretRef(objects, "KAFKA_SASL_JAAS_CONFIG").path("name").asText();
        List<JsonNode> users = all(objects, "KafkaUser");
        assertThat(users).hasSizeGreaterThan(1);
        String deltas = incomingTopics().get("live-deltas");
        List<String> writers = users.stream().filter(u -> aclAllows(u, "topic", deltas, "Write"))
                .map(u -> u.at("/metadata/name").asText()).toList();
        assertThat(writers).as("who may write %s", deltas).containsExactly(service);
    }

    @Test
    void theServicesKafkaUserMayDoWhatTheServiceDoesAndNoMore() throws Exception {
        List<JsonNode> objects = rendered("dev");
        JsonNode user = named(objects, "KafkaUser", secretRef(objects, "KAFKA_SASL_JAAS_CONFIG").path("name").asText());
        List<String> topics = all(objects, "KafkaTopic").stream().map(t -> t.at("/spec/topicName").asText()).toList();
        assertThat(topics).hasSize(4);

        for (String topic : topics) {
            assertThat(aclAllows(user, "topic", topic, "Write")).as("Write %s", topic).isTrue();
            assertThat(aclAllows(user, "topic", topic, "Describe")).as("Describe %s (listing the topics)", topic).isTrue();
        }
        for (String topic : incomingTopics().values()) {
            assertThat(aclAllows(user, "topic", topic, "Read")).as("Read %s", topic).isTrue();
        }
        for (String group : consumerGroups()) {
            assertThat(aclAllows(user, "group", group, "Read")).as("Read group %s", group).isTrue();
        }
        assertThat(aclAllows(user, "group", "pulse-aggregator", "Describe")).as("the counting group's offsets").isTrue();

        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            String type = acl.at("/resource/type").asText();
            assertThat(type).as("resource types").isIn("topic", "group");
            assertThat(operations(acl)).as("operations on %s", acl.path("resource")).isSubsetOf("Read", "Write", "Describe");
            if (type.equals("topic")) {
                assertThat(acl.at("/resource/patternType").asText("literal")).isEqualTo("literal");
                assertThat(acl.at("/resource/name").asText()).as("only the service's topics").isIn(topics);
            }
        }
        assertThat(aclAllows(user, "topic", "some.other.topic", "Read")).isFalse();
        assertThat(aclAllows(user, "topic", topics.get(0), "Create")).as("topics come from KafkaTopics").isFalse();
    }

    // --- PostgreSQL ---

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void postgresqlIsVerifiedAgainstCloudNativePgsCa(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        Map<String, String> env = environment(objects);
        Cluster cluster = Cluster.of(objects);
        assertThat(env).containsEntry("EXCHANGEPULSE_DB_SSL_MODE", "verify-full");
        String host = URI.create(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).getHost();
        assertThat(host).as("a name on CloudNativePG's server certificate")
                .isIn(cluster.database() + "-rw", cluster.database() + "-rw." + NAMESPACE, cluster.database() + "-rw." + NAMESPACE + ".svc",
                        cluster.database() + "-rw." + NAMESPACE + ".svc.cluster.local");

        SecretFile ca = mountedSecretFile(objects, env.get("EXCHANGEPULSE_DB_CA_FILE"));
        assertThat(ca.secret()).as("CloudNativePG's CA").isEqualTo(cluster.database() + "-ca");
        assertThat(ca.key()).isEqualTo("ca.crt");
        assertThat(ca.projected()).as("only ca.crt of %s: it holds the CA's key too", ca.secret()).containsExactly("ca.crt");
        if (overlay.equals("dev")) {
            assertThat(all(objects, "Cluster")).extracting(c -> c.at("/metadata/name").asText()).contains(cluster.database());
        }
    }

    // --- The Ingress and the management port ---

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressServesTlsFromCertManagerAndRoutesOnlyToTheHttpPort(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        String service = KubernetesManifestsTest.only(objects, "Service").at("/metadata/name").asText();
        int http = applicationPort("quarkus.http.port");
        // Every Ingress (dev's Keycloak has one too): TLS from cert-manager, HTTP redirected.
        for (JsonNode ingress : all(objects, "Ingress")) {
            String name = ingress.at("/metadata/name").asText();
            JsonNode annotations = ingress.at("/metadata/annotations");
            assertThat(annotations.path("cert-manager.io/cluster-issuer").asText()).as("%s's issuer", name).isNotBlank();
            assertThat(annotations.path("nginx.ingress.kubernetes.io/ssl-redirect").asText()).as(name).isEqualTo("true");
            Set<String> tlsHosts = new HashSet<>();
            assertThat(ingress.at("/spec/tls")).as("%s's TLS", name).isNotEmpty();
            for (JsonNode tls : ingress.at("/spec/tls")) {
                assertThat(tls.path("secretName").asText()).isNotBlank();
                tls.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
            }
            for (JsonNode rule : ingress.at("/spec/rules")) {
                assertThat(tlsHosts).as("TLS for every host of %s", name).contains(rule.path("host").asText());
            }
            for (JsonNode backend : backends(ingress)) {
                if (backend.path("name").asText().equals(service)) {
                    assertThat(containerPortBehind(objects, backend)).as("the container port behind %s", backend).isEqualTo(http);
                }
            }
        }

        JsonNode ingress = named(objects, "Ingress", service);
        JsonNode annotations = ingress.at("/metadata/annotations");
        for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
            assertThat(annotations.path("nginx.ingress.kubernetes.io/" + timeout).asInt()).as("WebSockets: " + timeout)
                    .isGreaterThanOrEqualTo(3600);
        }
        assertThat(backends(ingress)).isNotEmpty().allSatisfy(b -> assertThat(b.path("name").asText()).isEqualTo(service));
    }

    /** An Ingress's backend Services: its default backend's and its paths'. */
    static List<JsonNode> backends(JsonNode ingress) {
        List<JsonNode> backends = new ArrayList<>();
        if (ingress.at("/spec/defaultBackend/service").isObject()) {
            backends.add(ingress.at("/spec/defaultBackend/service"));
        }
        for (JsonNode rule : ingress.at("/spec/rules")) {
            rule.at("/http/paths").forEach(p -> backends.add(p.at("/backend/service")));
        }
        return backends;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void healthAndMetricsAreOnTheManagementPort(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        int management = applicationPort("quarkus.management.port");
        JsonNode container = container(objects);
        assertThat(containerPorts(container)).containsEntry("management", management);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode port = container.at("/" + probe + "/httpGet/port");
            assertThat(port.isInt() ? port.asInt() : containerPorts(container).get(port.asText())).as(probe).isEqualTo(management);
        }
        JsonNode service = KubernetesManifestsTest.only(objects, "Service");
        assertThat(service.at("/spec/ports")).anySatisfy(p -> {
            assertThat(p.path("name").asText()).isEqualTo("management");
            assertThat(containerPortBehind(objects, p.path("port").asInt())).isEqualTo(management);
        });
        JsonNode template = KubernetesManifestsTest.only(objects, "Deployment").at("/spec/template/metadata/annotations");
        if (template.has("prometheus.io/port")) {
            assertThat(template.path("prometheus.io/port").asInt()).isEqualTo(management);
        }
        for (JsonNode monitor : all(objects, "ServiceMonitor")) {
            assertThat(monitor.at("/spec/endpoints")).isNotEmpty().allSatisfy(e -> {
                assertThat(e.path("port").asText()).isEqualTo("management");
                assertThat(e.path("path").asText()).isEqualTo("/q/metrics");
            });
        }
        if (overlay.equals("prod")) {
            assertThat(all(objects, "ServiceMonitor")).hasSize(1);
        }
    }

    // --- Identity ---

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServiceKnowsItsIdentityProviderAndItsSecretIsNeverInGit(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        Map<String, String> env = environment(objects);
        URI provider = provider(objects);
        assertThat(provider.getPath()).startsWith("/realms/");
        JsonNode secret = secretRef(objects, "EXCHANGEPULSE_OIDC_CLIENT_SECRET");
        assertThat(env).doesNotContainKey("EXCHANGEPULSE_OIDC_CLIENT_SECRET");
        if (overlay.equals("dev")) {
            assertThat(provider.getScheme()).isEqualTo("http");
            JsonNode keycloak = named(objects, "Keycloak", keycloakName(objects, provider));
            assertThat(keycloak.at("/spec/http/httpEnabled").asBoolean()).isTrue();
            // Browsers sign in at Keycloak's public name: an Ingress to its Service serves it.
            String publicHost = URI.create(keycloak.at("/spec/hostname/hostname").asText()).getHost();
            assertThat(all(objects, "Ingress")).as("an Ingress for %s", publicHost).anySatisfy(i -> {
                assertThat(i.at("/spec/rules/0/host").asText()).isEqualTo(publicHost);
                assertThat(backends(i)).isNotEmpty().allSatisfy(b -> assertThat(b.path("name").asText()).isEqualTo(provider.getHost()));
            });
            assertThat(port(provider)).isEqualTo(keycloak.at("/spec/http/httpPort").asInt(8080));
            JsonNode dev = named(objects, "Secret", secret.path("name").asText());
            assertThat(dev.at("/stringData").has(secret.path("key").asText()) || dev.at("/data").has(secret.path("key").asText())).isTrue();
        } else {
            assertThat(provider.getScheme()).isEqualTo("https");
            assertThat(all(objects, "Secret")).as("production's secrets are the center's, never in git").isEmpty();
        }
    }

    @Test
    void theDevRealmGrantsTheServicesOwnClientRolesAndTheClaimsAndHasAUserPerRole() throws Exception {
        List<JsonNode> objects = rendered("dev");
        URI provider = provider(objects);
        String realmName = provider.getPath().substring("/realms/".length());
        JsonNode realmImport = all(objects, "KeycloakRealmImport").stream()
                .filter(r -> r.at("/spec/realm/realm").asText().equals(realmName)).findFirst().orElseThrow();
        assertThat(realmImport.at("/spec/keycloakCRName").asText()).isEqualTo(keycloakName(objects, provider));
        JsonNode realm = realmImport.at("/spec/realm");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(realm.at("/defaultRole/composites").isMissingNode()).as("nobody gets a role, offline_access included, by default").isTrue();

        // Roles are the service's client roles, read where the service reads them; groups only hand them out.
        String clientId = applicationDefault("quarkus.oidc.client-id");
        assertThat(applicationDefault("quarkus.oidc.roles.role-claim-path")).isEqualTo("resource_access/" + clientId + "/roles");
        List<String> roles = Arrays.stream(Role.values()).map(Role::claim).toList();
        assertThat(roles).hasSize(5);
        assertThat(names(realm.at("/roles/client/" + clientId))).containsExactlyInAnyOrderElementsOf(roles);
        assertThat(realm.at("/roles/realm").isMissingNode()).as("no realm roles of the service's").isTrue();
        for (String role : roles) {
            JsonNode group = find(realm.path("groups"), g -> texts(g.at("/clientRoles/" + clientId)).contains(role));
            assertThat(group).as("a group that hands out %s", role).isNotNull();
            assertThat(texts(group.path("realmRoles")).contains("offline_access")).as("%s's offline session", role)
                    .isEqualTo(role.equals(Role.WALL.claim()));
        }

        JsonNode client = find(realm.path("clients"), c -> c.path("clientId").asText().equals(clientId));
        assertThat(client).as("client %s", clientId).isNotNull();
        assertThat(client.path("publicClient").asBoolean(true)).as("confidential").isFalse();
        assertThat(client.path("standardFlowEnabled").asBoolean(true)).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean(false)).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean(false)).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).as("no password grant").isFalse();
        assertThat(client.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        String host = named(objects, "Ingress", KubernetesManifestsTest.only(objects, "Service").at("/metadata/name").asText())
                .at("/spec/rules/0/host").asText();
        assertThat(texts(client.path("redirectUris"))).isNotEmpty().allSatisfy(uri -> assertThat(uri).startsWith("https://" + host + "/"));
        assertThat(client.at("/attributes/backchannel.logout.url").asText()).isEqualTo("https://" + host + "/back-channel-logout");
        assertThat(client.at("/attributes/backchannel.logout.session.required").asText()).isEqualTo("true");
        assertThat(texts(client.path("optionalClientScopes"))).as("the wall's offline session").contains("offline_access");

        // The provider's session limits are the service's.
        assertThat(Duration.ofSeconds(realm.path("ssoSessionMaxLifespan").asLong()))
                .isEqualTo(Duration.parse(applicationDefault("exchangepulse.identity.session-max-age")));
        assertThat(Duration.ofSeconds(realm.path("ssoSessionIdleTimeout").asLong()))
                .isEqualTo(Duration.parse(applicationDefault("quarkus.oidc.web.authentication.session-age-extension")));
        assertThat(Duration.ofSeconds(realm.path("offlineSessionIdleTimeout").asLong()))
                .isEqualTo(Duration.parse(applicationDefault("quarkus.oidc.kiosk.authentication.session-age-extension")));

        // The client's secret is the one the service reads, put in by the operator.
        JsonNode secret = secretRef(objects, "EXCHANGEPULSE_OIDC_CLIENT_SECRET");
        JsonNode source = placeholder(objects, realmImport, client.path("secret").asText());
        assertThat(source.path("name").asText()).isEqualTo(secret.path("name").asText());
        assertThat(source.path("key").asText()).isEqualTo(secret.path("key").asText());

        JsonNode mappers = client.path("protocolMappers");
        assertThat(find(mappers, m -> m.path("protocolMapper").asText().equals("oidc-group-membership-mapper")))
                .as("no groups in tokens: group names grant nothing").isNull();
        assertRolesAndAudience(mappers, clientId);
        for (String attribute : List.of("party", "agency", "task_forces")) {
            JsonNode mapper = find(mappers, m -> m.path("protocolMapper").asText().equals("oidc-usermodel-attribute-mapper")
                    && m.at("/config/user.attribute").asText().equals(attribute));
            assertThat(mapper).as("the %s mapper", attribute).isNotNull();
            assertThat(mapper.at("/config/claim.name").asText()).isEqualTo(attribute);
            assertThat(mapper.at("/config/multivalued").asText()).as("%s multivalued", attribute)
                    .isEqualTo(attribute.equals("task_forces") ? "true" : "false");
            assertInTokens(mapper);
        }

        // Keycloak keeps only the attributes its user profile declares; only an administrator sets them.
        JsonNode profile = KubernetesManifestsTest.YAML.readTree(
                realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0").asText());
        for (String attribute : List.of("party", "agency", "task_forces")) {
            JsonNode declared = find(profile.path("attributes"), a -> a.path("name").asText().equals(attribute));
            assertThat(declared).as("%s in the user profile", attribute).isNotNull();
            assertThat(declared.path("multivalued").asBoolean()).isEqualTo(attribute.equals("task_forces"));
            assertThat(texts(declared.at("/permissions/edit"))).as("who may change %s", attribute).containsExactly("admin");
        }

        JsonNode users = realm.path("users");
        for (String role : roles) {
            String group = find(realm.path("groups"), g -> texts(g.at("/clientRoles/" + clientId)).contains(role)).path("path").asText();
            assertThat(users).as("a user of %s", role).anySatisfy(u -> assertThat(texts(u.path("groups"))).contains(group));
        }
        for (JsonNode user : users) {
            String name = user.path("username").asText();
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            assertThat(user.at("/credentials/0/value").asText()).as("%s's development password", name).isEqualTo(name);
            if (texts(user.path("groups")).contains("/" + Role.LIAISON.claim())) {
                assertThat(Party.fromCode(user.at("/attributes/party/0").asText())).as("%s's party", name).isPresent();
                assertThat(user.at("/attributes/agency/0").asText()).as("%s's agency", name).isIn("POLICE", "CUSTOMS");
            }
            if (texts(user.path("groups")).contains("/" + Role.TASK_FORCE_LEADER.claim())) {
                assertThat(texts(user.at("/attributes/task_forces"))).as("%s's task forces", name).isNotEmpty()
                        .allSatisfy(t -> assertThat(Arrays.stream(TaskForce.values()).map(Enum::name)).contains(t));
            }
        }
        assertThat(users).extracting(u -> u.path("username").asText())
                .contains("liaison-ro", "liaison-bg", "leader-drugs", "leader-terrorism", "wall", "analyst", "admin");
    }

    @Test
    void eachLiaisonDeskIsAClientOfItsOwnThatSpeaksForOneParty() throws Exception {
        List<JsonNode> objects = rendered("dev");
        JsonNode realmImport = KubernetesManifestsTest.only(objects, "KeycloakRealmImport");
        JsonNode realm = realmImport.at("/spec/realm");
        String clientId = applicationDefault("quarkus.oidc.client-id");
        List<JsonNode> desks = new ArrayList<>();
        realm.path("clients").forEach(c -> {
            if (c.path("serviceAccountsEnabled").asBoolean(false)) {
                desks.add(c);
            }
        });
        assertThat(desks).extracting(d -> d.path("clientId").asText()).containsExactlyInAnyOrder("desk-ro-police", "desk-bg-customs");
        for (JsonNode desk : desks) {
            String name = desk.path("clientId").asText();
            assertThat(desk.path("publicClient").asBoolean(true)).as("%s confidential", name).isFalse();
            assertThat(desk.path("standardFlowEnabled").asBoolean(true)).as("%s: no browser sign-in", name).isFalse();
            assertThat(desk.path("directAccessGrantsEnabled").asBoolean(true)).as("%s: no password grant", name).isFalse();
            assertThat(placeholder(objects, realmImport, desk.path("secret").asText())).as("%s's secret from a Secret", name).isNotNull();
            JsonNode mappers = desk.path("protocolMappers");
            assertRolesAndAudience(mappers, clientId);
            JsonNode party = find(mappers, m -> m.path("protocolMapper").asText().equals("oidc-hardcoded-claim-mapper")
                    && m.at("/config/claim.name").asText().equals("party"));
            JsonNode agency = find(mappers, m -> m.path("protocolMapper").asText().equals("oidc-hardcoded-claim-mapper")
                    && m.at("/config/claim.name").asText().equals("agency"));
            assertThat(Party.fromCode(party.at("/config/claim.value").asText())).as("%s's party", name).isPresent();
            assertThat(agency.at("/config/claim.value").asText()).as("%s's agency", name).isIn("POLICE", "CUSTOMS");
            JsonNode account = find(realm.path("users"), u -> u.path("serviceAccountClientId").asText().equals(name));
            assertThat(account).as("%s's service account", name).isNotNull();
            assertThat(texts(account.at("/clientRoles/" + clientId))).as("%s only sends", name).containsExactly(Role.LIAISON.claim());
            JsonNode scope = find(realm.at("/clientScopeMappings/" + clientId), m -> m.path("client").asText().equals(name));
            assertThat(scope).as("%s's scope lets its role into its tokens (full scope is off)", name).isNotNull();
            assertThat(texts(scope.path("roles"))).containsExactly(Role.LIAISON.claim());
        }
    }

    /** The client-role mapper puts the service's roles where the service reads them, in access tokens; the audience names the service. */
    private static void assertRolesAndAudience(JsonNode mappers, String clientId) throws IOException {
        JsonNode roles = find(mappers, m -> m.path("protocolMapper").asText().equals("oidc-usermodel-client-role-mapper"));
        assertThat(roles).as("the client roles mapper").isNotNull();
        assertThat(roles.at("/config/usermodel.clientRoleMapping.clientId").asText()).isEqualTo(clientId);
        assertThat(roles.at("/config/claim.name").asText().replace('.', '/')).isEqualTo(applicationDefault("quarkus.oidc.roles.role-claim-path"));
        assertThat(roles.at("/config/access.token.claim").asText()).isEqualTo("true");
        JsonNode audience = find(mappers, m -> m.path("protocolMapper").asText().equals("oidc-audience-mapper"));
        assertThat(audience).as("the audience mapper").isNotNull();
        assertThat(audience.at("/config/included.client.audience").asText()).isEqualTo(applicationDefault("quarkus.oidc.token.audience"));
        assertThat(audience.at("/config/access.token.claim").asText()).isEqualTo("true");
    }

    /** The Secret key a realm placeholder ({@code ${NAME}}) is filled from, checked to be a Secret of the overlay. */
    private static JsonNode placeholder(List<JsonNode> objects, JsonNode realmImport, String value) {
        Matcher placeholder = Pattern.compile("\\$\\{(\\w+)}").matcher(value);
        assertThat(placeholder.matches()).as("%s is a placeholder", value).isTrue();
        JsonNode source = realmImport.at("/spec/placeholders/" + placeholder.group(1) + "/secret");
        JsonNode secret = named(objects, "Secret", source.path("name").asText());
        assertThat(secret.at("/stringData").has(source.path("key").asText()) || secret.at("/data").has(source.path("key").asText()))
                .as("%s in the Secret %s", source.path("key").asText(), source.path("name").asText()).isTrue();
        return source;
    }

    // --- Kustomize ---

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kustomizeFindsNothingDeprecated(String overlay) throws Exception {
        Process kustomize = new ProcessBuilder(ExternalTool.KUBECTL.require().toString(), "kustomize", "k8s/overlays/" + overlay)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String warnings = new String(kustomize.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kustomize.waitFor()).isZero();
        assertThat(warnings).doesNotContainIgnoringCase("deprecated");

        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(Path.of("k8s"))) {
            kustomizations = files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList();
        }
        assertThat(kustomizations).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : kustomizations) {
            JsonNode kustomization = KubernetesManifestsTest.YAML.readTree(file.toFile());
            assertThat(kustomization.has("commonLabels") || kustomization.has("patchesStrategicMerge") || kustomization.has("patchesJson6902")
                    || kustomization.has("bases") || kustomization.has("vars")).as("deprecated fields in %s", file).isFalse();
            for (JsonNode labels : kustomization.path("labels")) {
                assertThat(labels.path("includeSelectors").asBoolean(false))
                        .as("%s: the service's labels in other pods' selectors (the NetworkPolicy's)", file).isFalse();
            }
        }
    }

    // --- Helpers ---

    /** The names an overlay's Kafka and PostgreSQL go by, as the service's configuration points at them. */
    record Cluster(String kafka, int kafkaPort, String database, int databasePort) {

        static Cluster of(List<JsonNode> objects) {
            Map<String, String> env = environment(objects);
            Matcher bootstrap = Pattern.compile("([a-z0-9-]+)-kafka-bootstrap(\\.[a-z0-9.-]+)?:(\\d+)")
                    .matcher(env.get("KAFKA_BOOTSTRAP_SERVERS"));
            assertThat(bootstrap.matches()).as("Strimzi's bootstrap Service: %s", env.get("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
            URI database = URI.create(env.get("QUARKUS_DATASOURCE_REACTIVE_URL"));
            assertThat(database.getHost()).as("CloudNativePG's read-write Service").matches("[a-z0-9-]+-rw(\\..+)?");
            String cluster = database.getHost().split("\\.")[0];
            return new Cluster(bootstrap.group(1), Integer.parseInt(bootstrap.group(3)),
                    cluster.substring(0, cluster.length() - "-rw".length()), database.getPort() < 0 ? 5432 : database.getPort());
        }
    }

    /** A file a container reads from a Secret: which Secret and key, and every key the volume projects. */
    record SecretFile(String secret, String key, List<String> projected) {
    }

    static Pod servicePod(List<JsonNode> objects) {
        JsonNode template = KubernetesManifestsTest.only(objects, "Deployment").at("/spec/template/metadata/labels");
        Map<String, String> labels = new HashMap<>();
        template.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        labels.put("pod-template-hash", "7c9d8f6b5");
        return new Pod(NAMESPACE, Map.copyOf(labels), containerPorts(container(objects)));
    }

    /** A broker of a KafkaNodePool with both roles, labelled as Strimzi's KafkaPool and KafkaCluster label it. */
    static Pod strimziBroker(String cluster) {
        return strimziNode(cluster, "dual-role", true, true);
    }

    static Pod strimziBrokerOnly(String cluster) {
        return strimziNode(cluster, "brokers", true, false);
    }

    static Pod strimziControllerOnly(String cluster) {
        return strimziNode(cluster, "controllers", false, true);
    }

    static Pod strimziNode(String cluster, String pool, boolean broker, boolean controller) {
        return Pod.of(NAMESPACE, labels("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", cluster + "-kafka", "strimzi.io/component-type", "kafka", "strimzi.io/pool-name", pool,
                "strimzi.io/broker-role", String.valueOf(broker), "strimzi.io/controller-role", String.valueOf(controller),
                "strimzi.io/pod-name", cluster + "-" + pool + "-0", "statefulset.kubernetes.io/pod-name", cluster + "-" + pool + "-0",
                "app.kubernetes.io/name", "kafka", "app.kubernetes.io/instance", cluster,
                "app.kubernetes.io/part-of", "strimzi-" + cluster, "app.kubernetes.io/managed-by", "strimzi-cluster-operator"));
    }

    static Pod strimziEntityOperator(String cluster) {
        return Pod.of(NAMESPACE, labels("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", cluster + "-entity-operator", "strimzi.io/component-type", "entity-operator",
                "app.kubernetes.io/name", "entity-operator", "app.kubernetes.io/instance", cluster,
                "app.kubernetes.io/part-of", "strimzi-" + cluster, "app.kubernetes.io/managed-by", "strimzi-cluster-operator"));
    }

    /** An instance of a CloudNativePG Cluster, labelled as the operator labels it. */
    static Pod cnpgInstance(String cluster, int serial, String role) {
        return Pod.of(NAMESPACE, labels("cnpg.io/cluster", cluster, "cnpg.io/instanceName", cluster + "-" + serial,
                "cnpg.io/podRole", "instance", "cnpg.io/instanceRole", role, "role", role));
    }

    /** A Keycloak server pod, labelled as the Keycloak operator labels it. */
    static Pod keycloakPod(String keycloak) {
        return Pod.of(NAMESPACE, labels("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                "app.kubernetes.io/instance", keycloak, "app.kubernetes.io/component", "server"));
    }

    /** The Keycloak CR behind the provider's URL: its operator names the Service {@code <name>-service}. */
    static String keycloakName(List<JsonNode> objects, URI provider) {
        assertThat(provider.getHost()).endsWith("-service");
        String name = provider.getHost().substring(0, provider.getHost().length() - "-service".length());
        named(objects, "Keycloak", name);
        return name;
    }

    static List<String> ipBlocks(List<JsonNode> objects) {
        List<String> blocks = new ArrayList<>();
        for (JsonNode policy : all(objects, "NetworkPolicy")) {
            for (JsonNode rule : policy.at("/spec/egress")) {
                for (JsonNode peer : rule.path("to")) {
                    if (peer.has("ipBlock")) {
                        blocks.add(peer.at("/ipBlock/cidr").asText());
                    }
                }
            }
        }
        return blocks;
    }

    /** Where the service finds its identity provider's realm. */
    static URI provider(List<JsonNode> objects) {
        String url = environment(objects).get("QUARKUS_OIDC_AUTH_SERVER_URL");
        assertThat(url).as("QUARKUS_OIDC_AUTH_SERVER_URL").isNotBlank();
        return URI.create(url);
    }

    static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    }

    static JsonNode container(List<JsonNode> objects) {
        return KubernetesManifestsTest.only(objects, "Deployment").at("/spec/template/spec/containers/0");
    }

    static Map<String, Integer> containerPorts(JsonNode container) {
        Map<String, Integer> ports = new HashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        return ports;
    }

    /** The values the service's environment gets literally: the ConfigMap's, then the container's own. */
    static Map<String, String> environment(List<JsonNode> objects) {
        Map<String, String> env = new HashMap<>();
        KubernetesManifestsTest.environmentConfigMap(objects).path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        for (JsonNode each : container(objects).path("env")) {
            if (each.has("value")) {
                env.put(each.path("name").asText(), each.path("value").asText());
            } else {
                env.remove(each.path("name").asText());
            }
        }
        return env;
    }

    static JsonNode secretRef(List<JsonNode> objects, String variable) {
        JsonNode found = find(container(objects).path("env"), e -> e.path("name").asText().equals(variable));
        assertThat(found).as("%s in the container's env", variable).isNotNull();
        JsonNode ref = found.at("/valueFrom/secretKeyRef");
        assertThat(ref.path("name").asText()).as("%s from a Secret", variable).isNotBlank();
        return ref;
    }

    static SecretFile mountedSecretFile(List<JsonNode> objects, String file) {
        assertThat(file).as("a path").startsWith("/");
        JsonNode spec = KubernetesManifestsTest.only(objects, "Deployment").at("/spec/template/spec");
        JsonNode mount = null;
        for (JsonNode each : container(objects).path("volumeMounts")) {
            String dir = each.path("mountPath").asText();
            if (file.startsWith(dir.endsWith("/") ? dir : dir + "/")
                    && (mount == null || dir.length() > mount.path("mountPath").asText().length())) {
                mount = each;
            }
        }
        assertThat(mount).as("a volume mounted where %s is", file).isNotNull();
        assertThat(mount.path("readOnly").asBoolean()).as("%s read-only", file).isTrue();
        String relative = file.substring(mount.path("mountPath").asText().replaceAll("/$", "").length() + 1);
        String volumeName = mount.path("name").asText();
        JsonNode volume = find(spec.path("volumes"), v -> v.path("name").asText().equals(volumeName));
        assertThat(volume).isNotNull();
        JsonNode secret = volume.path("secret");
        assertThat(secret.path("secretName").asText()).as("%s from a Secret", file).isNotBlank();
        List<String> projected = new ArrayList<>();
        String key = relative;
        for (JsonNode item : secret.path("items")) {
            projected.add(item.path("key").asText());
            if (item.path("path").asText().equals(relative)) {
                key = item.path("key").asText();
            }
        }
        if (!secret.path("items").isEmpty()) {
            String wanted = relative;
            assertThat(secret.path("items")).as("%s projected", file).anySatisfy(i -> assertThat(i.path("path").asText()).isEqualTo(wanted));
        }
        return new SecretFile(secret.path("secretName").asText(), key, projected);
    }

    /** The container port a Service port leads to (an Ingress backend's {@code service} or a Service port number). */
    static int containerPortBehind(List<JsonNode> objects, Object backend) {
        JsonNode service = KubernetesManifestsTest.only(objects, "Service");
        JsonNode servicePort;
        if (backend instanceof JsonNode ref) {
            assertThat(ref.path("name").asText()).isEqualTo(service.at("/metadata/name").asText());
            servicePort = ref.at("/port/name").isTextual()
                    ? find(service.at("/spec/ports"), p -> p.path("name").asText().equals(ref.at("/port/name").asText()))
                    : find(service.at("/spec/ports"), p -> p.path("port").asInt() == ref.at("/port/number").asInt());
        } else {
            servicePort = find(service.at("/spec/ports"), p -> p.path("port").asInt() == (Integer) backend);
        }
        assertThat(servicePort).as("the Service port of %s", backend).isNotNull();
        JsonNode target = servicePort.path("targetPort");
        if (target.isMissingNode()) {
            return servicePort.path("port").asInt();
        }
        return target.isInt() ? target.asInt() : containerPorts(container(objects)).getOrDefault(target.asText(), -1);
    }

    /** Whether a KafkaUser's ACLs allow an operation, as Kafka's simple authorizer decides (Read and Write imply Describe). */
    static boolean aclAllows(JsonNode user, String type, String name, String operation) {
        boolean allowed = false;
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            JsonNode resource = acl.path("resource");
            if (!resource.path("type").asText().equals(type)) {
                continue;
            }
            String pattern = resource.path("name").asText();
            boolean applies = type.equals("cluster") || (resource.path("patternType").asText("literal").equals("prefix")
                    ? name.startsWith(pattern) : pattern.equals("*") || pattern.equals(name));
            if (!applies) {
                continue;
            }
            List<String> operations = operations(acl);
            boolean grants = operations.contains(operation) || operations.contains("All")
                    || (operation.equals("Describe") && operations.stream().anyMatch(o -> List.of("Read", "Write", "Delete", "Alter").contains(o)));
            if (grants && acl.path("type").asText("allow").equals("deny")) {
                return false;
            }
            allowed |= grants;
        }
        return allowed;
    }

    static List<String> operations(JsonNode acl) {
        List<String> operations = texts(acl.path("operations"));
        if (acl.has("operation")) {
            operations = new ArrayList<>(operations);
            operations.add(acl.path("operation").asText());
        }
        return operations;
    }

    /** The topics the service's Kafka channels read, by channel (application.properties). */
    static Map<String, String> incomingTopics() throws IOException {
        Map<String, String> topics = new HashMap<>();
        Properties properties = applicationProperties();
        Pattern channel = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
        for (String key : properties.stringPropertyNames()) {
            Matcher matcher = channel.matcher(key);
            if (matcher.matches()) {
                topics.put(matcher.group(1), resolve(properties.getProperty(key)));
            }
        }
        assertThat(topics).isNotEmpty();
        return topics;
    }

    /** The consumer groups the service joins (a replica's own, with a fresh UUID for quarkus.uuid). */
    static List<String> consumerGroups() throws IOException {
        Properties properties = applicationProperties();
        List<String> groups = properties.stringPropertyNames().stream()
                .filter(k -> k.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id"))
                .map(k -> resolve(properties.getProperty(k))).toList();
        assertThat(groups).isNotEmpty();
        return groups;
    }

    /** The application's default for a property: {@code ${ENV:default}} gives the default. */
    static String applicationDefault(String property) throws IOException {
        String value = applicationProperties().getProperty(property);
        assertThat(value).as(property).isNotNull();
        return resolve(value);
    }

    static int applicationPort(String property) throws IOException {
        return Integer.parseInt(applicationDefault(property));
    }

    static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** A property's default as the application resolves it: references to other properties followed, variables unset. */
    static String resolve(String value) {
        Properties properties;
        try {
            properties = applicationProperties();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Pattern reference = Pattern.compile("\\$\\{([^:}${]+)(?::([^}${]*))?}");
        String resolved = value.replace("${quarkus.uuid}", UUID.randomUUID().toString());
        for (Matcher m = reference.matcher(resolved); m.find(); m = reference.matcher(resolved)) {
            String name = m.group(1);
            String replacement = properties.getProperty(name, m.group(2) == null ? "" : m.group(2));
            resolved = resolved.substring(0, m.start()) + replacement + resolved.substring(m.end());
        }
        return resolved;
    }

    static List<JsonNode> all(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        List<JsonNode> found = all(objects, kind).stream().filter(o -> o.at("/metadata/name").asText().equals(name)).toList();
        assertThat(found).as("%s %s", kind, name).hasSize(1);
        return found.get(0);
    }

    static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode each : array) {
            if (test.test(each)) {
                return each;
            }
        }
        return null;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }

    static void assertInTokens(JsonNode mapper) {
        assertThat(mapper.at("/config/access.token.claim").asText()).as("%s in the access token", mapper.path("name").asText()).isEqualTo("true");
        assertThat(mapper.at("/config/id.token.claim").asText()).as("%s in the ID token", mapper.path("name").asText()).isEqualTo("true");
    }
}
