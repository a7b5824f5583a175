package io.exchangepulse.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The objects of an overlay of k8s/ as the cluster gets them: rendered by kustomize (kubectl). */
public final class Manifests {

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** Rendered once per JVM: the files do not change while the tests run. */
    public static List<JsonNode> rendered(String overlay) throws Exception {
        List<JsonNode> objects = RENDERED.get(overlay);
        if (objects == null) {
            objects = render(overlay);
            RENDERED.put(overlay, objects);
        }
        return objects;
    }

    public static List<JsonNode> render(String overlay) throws Exception {
        Process kustomize = new ProcessBuilder(ExternalTool.KUBECTL.require().toString(), "kustomize", "k8s/overlays/" + overlay)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String yaml = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kustomize.waitFor() != 0) {
            throw new AssertionError("kubectl kustomize k8s/overlays/" + overlay + " failed");
        }
        try (var parser = YAML.getFactory().createParser(yaml)) {
            return YAML.readValues(parser, JsonNode.class).readAll().stream()
                    .filter(node -> node != null && !node.isNull())
                    .toList();
        }
    }

    /** The objects of one kind. */
    public static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    /** The one object of a kind; anything else is an error. */
    public static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> found = ofKind(objects, kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The one object of a kind with that name. */
    public static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream()
                .filter(o -> o.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** The service's container. */
    public static JsonNode container(List<JsonNode> objects) {
        return only(objects, "Deployment").at("/spec/template/spec/containers/0");
    }

    /** The ConfigMap the service's environment comes from (prod has its dashboard's ConfigMap as well). */
    public static JsonNode environmentConfigMap(List<JsonNode> objects) {
        return named(objects, "ConfigMap", container(objects).at("/envFrom/0/configMapRef/name").asText());
    }

    /**
     * The values the service's environment gets literally: those of the ConfigMaps its container takes whole
     * (envFrom), then the container's own, which win; a variable set from a Secret is left out ({@link
     * #secretVariables}).
     */
    public static Map<String, String> environment(List<JsonNode> objects) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode source : container(objects).path("envFrom")) {
            named(objects, "ConfigMap", source.at("/configMapRef/name").asText()).path("data").properties()
                    .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode each : container(objects).path("env")) {
            if (each.has("value")) {
                env.put(each.path("name").asText(), each.path("value").asText());
            } else {
                env.remove(each.path("name").asText());
            }
        }
        return env;
    }

    /** The variables the container takes from Secrets, which the cluster's operators provide. */
    public static Set<String> secretVariables(List<JsonNode> objects) {
        Set<String> names = new TreeSet<>();
        for (JsonNode each : container(objects).path("env")) {
            if (each.at("/valueFrom/secretKeyRef").isObject()) {
                names.add(each.path("name").asText());
            }
        }
        return names;
    }

    /** Where the container's Secret volumes are mounted: mount path to the Secret's name. */
    public static Map<String, String> secretMounts(List<JsonNode> objects) {
        Map<String, String> secretOfVolume = new HashMap<>();
        for (JsonNode volume : only(objects, "Deployment").at("/spec/template/spec/volumes")) {
            if (volume.has("secret")) {
                secretOfVolume.put(volume.path("name").asText(), volume.at("/secret/secretName").asText());
            }
        }
        Map<String, String> mounts = new HashMap<>();
        for (JsonNode mount : container(objects).path("volumeMounts")) {
            String secret = secretOfVolume.get(mount.path("name").asText());
            if (secret != null) {
                mounts.put(mount.path("mountPath").asText(), secret);
            }
        }
        return mounts;
    }
}
