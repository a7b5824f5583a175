package io.exchangepulse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.platform.Topics;
import io.exchangepulse.support.Manifests;
import io.exchangepulse.support.Management;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders each overlay of k8s/ with kustomize (kubectl), holds every object to the Kubernetes API's
 * schema (the fabric8 model; a field it does not know is an error), and holds the manifests to the
 * application: probe paths answer on the management port, every environment variable set is one the
 * application reads, and the topics are the application's. ClusterSecurityTest holds them to the cluster's
 * security (NetworkPolicy, Kafka's users, TLS, the realm).
 */
@QuarkusTest
@Tag("component")
class KubernetesManifestsTest {

    static final Map<String, Class<? extends KubernetesResource>> KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class,
            "ServiceAccount", ServiceAccount.class, "Ingress", Ingress.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "NetworkPolicy", NetworkPolicy.class, "Secret", Secret.class);

    /** The operators' resources: no schema here, but their API versions are checked. */
    static final Map<String, String> CUSTOM = Map.of(
            "Kafka", "kafka.strimzi.io/v1beta2", "KafkaNodePool", "kafka.strimzi.io/v1beta2",
            "KafkaTopic", "kafka.strimzi.io/v1beta2", "Cluster", "postgresql.cnpg.io/v1",
            "ServiceMonitor", "monitoring.coreos.com/v1", "PrometheusRule", "monitoring.coreos.com/v1",
            "KafkaUser", "kafka.strimzi.io/v1beta2",
            "Keycloak", "k8s.keycloak.org/v2alpha1", "KeycloakRealmImport", "k8s.keycloak.org/v2alpha1");

    @Inject
    Topics topics;


    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectFitsTheKubernetesSchema(String overlay) throws Exception {
        List<JsonNode> objects = Manifests.rendered(overlay);
        assertThat(objects).extracting(o -> o.path("kind").asText())
                .contains("Deployment", "Service", "ConfigMap", "ServiceAccount", "Ingress", "HorizontalPodAutoscaler",
                        "PodDisruptionBudget", "NetworkPolicy");
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            if (CUSTOM.containsKey(kind)) {
                assertThat(object.path("apiVersion").asText()).as(kind).isEqualTo(CUSTOM.get(kind));
                continue;
            }
            assertThat(KINDS).as("a kind this test knows").containsKey(kind);
            KubernetesResource typed = Manifests.YAML.treeToValue(object, KINDS.get(kind));
            List<String> unknown = new ArrayList<>();
            unknownFields(typed, kind, unknown);
            assertThat(unknown).as(overlay + ": fields the Kubernetes API does not have").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theManifestsAskOnlyWhatTheApplicationHas(String overlay) throws Exception {
        List<JsonNode> objects = Manifests.rendered(overlay);
        JsonNode deployment = Manifests.only(objects, "Deployment");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");

        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.path("ports")).anySatisfy(port -> {
            assertThat(port.path("name").asText()).isEqualTo("management");
            assertThat(port.path("containerPort").asInt()).isEqualTo(9000);
        });
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = container.at("/" + probe + "/httpGet/path").asText();
            assertThat(path).as(probe).startsWith("/q/health/");
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isIn("management", "9000");
            // No credentials, as the kubelet has none: none of the filters that add a caller's token.
            given().noFilters().baseUri(Management.url()).get(path).then().statusCode(200);
        }
        given().noFilters().baseUri(Management.url()).get("/q/metrics").then().statusCode(200);

        Set<String> known = environmentNamesTheApplicationReads();
        Set<String> set = new HashSet<>();
        Manifests.environmentConfigMap(objects).path("data").fieldNames().forEachRemaining(set::add);
        container.path("env").forEach(env -> set.add(env.path("name").asText()));
        assertThat(known).as("environment variables the application reads").containsAll(set);

        List<String> topicNames = objects.stream().filter(o -> o.path("kind").asText().equals("KafkaTopic"))
                .map(o -> o.at("/spec/topicName").asText()).toList();
        if (!topicNames.isEmpty()) {
            assertThat(topicNames).containsExactlyInAnyOrder(topics.exchanges(), topics.deadLetters(),
                    topics.operationEvents(), topics.deltas());
            assertThat(objects).filteredOn(o -> o.at("/spec/topicName").asText().equals(topics.deltas()))
                    .allSatisfy(o -> assertThat(o.at("/spec/partitions").asInt()).as("deltas keep their order").isEqualTo(1));
            assertThat(Manifests.environmentConfigMap(objects).at("/data/EXCHANGEPULSE_TOPICS_CREATE").asText()).isEqualTo("false");
        }
    }

    /** Every property the application has, as its environment variable, and the variables its properties name. */
    static Set<String> environmentNamesTheApplicationReads() throws IOException {
        Set<String> names = new HashSet<>();
        for (String property : ConfigProvider.getConfig().getPropertyNames()) {
            names.add(property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        Pattern.compile("\\$\\{([A-Z0-9_]+):").matcher(properties).results().forEach(m -> names.add(m.group(1)));
        return names;
    }

    /** The fabric8 model keeps fields it does not know in additionalProperties: any there is a typo or an invention. */
    static void unknownFields(Object value, String path, List<String> unknown) throws Exception {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), unknown);
            }
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else {
                unknownFields(field, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }
}
