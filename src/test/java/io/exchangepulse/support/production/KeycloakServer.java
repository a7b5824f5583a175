package io.exchangepulse.support.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangepulse.support.Ports;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Keycloak itself, the distribution Maven Central serves (the build unpacks it into target/keycloak), run as a
 * process on a Java 21+ JDK in development mode (its own H2 database, kept in its data folder, so a restart
 * keeps its sessions), with one realm imported at its first start.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "keycloak-admin";
    private static final String ADMIN_PASSWORD = "test-only-keycloak-admin-password";
    private static final Duration START = Duration.ofMinutes(4);

    private final Path home;
    private final Path java;
    private final Path log;
    private final String realm;
    private final int port;
    private final int managementPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    private KeycloakServer(Path home, Path java, Path log, String realm, int port, int managementPort) {
        this.home = home;
        this.java = java;
        this.log = log;
        this.realm = realm;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** A fresh server (its data folder emptied) that imports {@code realm} (a realm's representation). */
    public static KeycloakServer start(Path home, Path javaHome, JsonNode realm, Path log) throws Exception {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home + " (the build unpacks it at pre-integration-test)");
        }
        Path data = home.resolve("data");
        deleteTree(data);
        Files.createDirectories(data.resolve("import"));
        Files.writeString(data.resolve("import").resolve("realm.json"), JSON.writeValueAsString(realm));
        var server = new KeycloakServer(home, javaHome, log, realm.path("realm").asText(), Ports.free(), Ports.free());
        server.launch();
        return server;
    }

    private void launch() throws Exception {
        var builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + port, "--http-management-port=" + managementPort, "--health-enabled=true")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", java.toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // JBoss Threads resets thread locals through java.lang's internals, which Java 24 and newer keep closed.
        builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        process = builder.start();
        awaitDiscovery();
    }

    private void awaitDiscovery() throws Exception {
        var discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration")).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ": see " + log);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak answered no discovery within " + START + ": see " + log);
    }

    /** Started again over the same data, after {@link #stop()}. */
    public void startAgain() throws Exception {
        launch();
    }

    public String issuer() {
        return "http://localhost:" + port + "/realms/" + realm;
    }

    /** A client's own token (the client-credentials grant), as a liaison desk's system gets one. */
    public String clientCredentialsToken(String clientId, String secret) throws Exception {
        JsonNode token = form(issuer() + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
        return token.path("access_token").asText();
    }

    /** Changes the realm's settings through the admin API, as an administrator would in its console. */
    public void updateRealm(Map<String, Object> settings) throws Exception {
        ObjectNode changes = JSON.valueToTree(settings);
        send(HttpRequest.newBuilder(admin("")).PUT(HttpRequest.BodyPublishers.ofString(changes.toString()))
                .header("Content-Type", "application/json"));
    }

    /** An administrator's "Sign out" of every session of {@code username} (Users, Sessions, in the console). */
    public void signOutEverywhere(String username) throws Exception {
        send(HttpRequest.newBuilder(admin("/users/" + userId(username) + "/logout")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * The access token Keycloak would give {@code username} signing in at {@code clientId}, its mappers applied (the
     * console's "Client scopes", "Evaluate"): the claims of a person's token, which no password grant gives here.
     */
    public JsonNode exampleAccessToken(String clientId, String username) throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(admin("/clients/" + clientUuid(clientId)
                + "/evaluate-scopes/generate-example-access-token?scope=openid&userId=" + userId(username))).GET()));
    }

    /** When a client last used {@code username}'s offline session (a renewal of its tokens), as Keycloak records it. */
    public Instant offlineSessionLastUsed(String username, String clientId) throws Exception {
        JsonNode sessions = JSON.readTree(send(HttpRequest.newBuilder(admin("/users/" + userId(username) + "/offline-sessions/"
                + clientUuid(clientId))).GET()));
        long last = 0;
        for (JsonNode session : sessions) {
            last = Math.max(last, session.path("lastAccess").asLong());
        }
        return Instant.ofEpochMilli(last);
    }

    /** The clients {@code username} holds an offline session with. */
    public List<String> offlineClients(String username) throws Exception {
        JsonNode consents = JSON.readTree(send(HttpRequest.newBuilder(admin("/users/" + userId(username) + "/consents")).GET()));
        return StreamSupport.stream(consents.spliterator(), false)
                .filter(c -> c.path("additionalGrants").toString().contains("Offline Token"))
                .map(c -> c.path("clientId").asText())
                .toList();
    }

    private String userId(String username) throws Exception {
        JsonNode users = JSON.readTree(send(HttpRequest.newBuilder(
                admin("/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8))).GET()));
        if (users.size() != 1) {
            throw new IllegalStateException("no single user " + username + " in the realm: " + users);
        }
        return users.get(0).path("id").asText();
    }

    /** The id Keycloak gave the client {@code clientId}, by which its admin API names it. */
    private String clientUuid(String clientId) throws Exception {
        JsonNode clients = JSON.readTree(send(HttpRequest.newBuilder(
                admin("/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).GET()));
        if (clients.size() != 1) {
            throw new IllegalStateException("no single client " + clientId + " in the realm: " + clients);
        }
        return clients.get(0).path("id").asText();
    }

    private URI admin(String path) {
        return URI.create("http://localhost:" + port + "/admin/realms/" + realm + path);
    }

    private String send(HttpRequest.Builder request) throws Exception {
        String token = form("http://localhost:" + port + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD))
                .path("access_token").asText();
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak's admin API answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private JsonNode form(String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** SIGTERM, as a pod is stopped; its data stays. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }


    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
