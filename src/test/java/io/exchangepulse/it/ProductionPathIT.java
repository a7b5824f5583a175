package io.exchangepulse.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.support.Browser;
import io.exchangepulse.support.ExternalTool;
import io.exchangepulse.support.Manifests;
import io.exchangepulse.support.Ports;
import io.exchangepulse.support.ServiceProcess;
import io.exchangepulse.support.SuiteClock;
import io.exchangepulse.support.TestExchanges;
import io.exchangepulse.support.production.CertificateAuthority;
import io.exchangepulse.support.production.KeycloakServer;
import io.exchangepulse.support.production.SecuredKafka;
import io.exchangepulse.support.production.SecuredPostgres;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The production path, run for real: the packaged service started with exactly the prod overlay's settings (its
 * ConfigMap and container environment, rendered by kustomize; secrets, addresses and the mounted CA files from this
 * test), against Keycloak itself with the development realm imported from the overlay's own file, a Kafka broker
 * that speaks only SASL_SSL with SCRAM-SHA-512 and enforces the overlay's KafkaUsers' ACLs, and a PostgreSQL that
 * takes the application's user only over TLS, checked with verify-full. People sign in through Keycloak's login
 * form in Chromium (src/docs/deployment.md, "The production path, run for real").
 */
class ProductionPathIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** The secrets a center's operators create (k8s/overlays/prod/kustomization.yaml): here, made up by the test. */
    private static final Map<String, String> REALM_SECRETS = Map.of(
            "CLIENT_SECRET", "production-path-client-secret",
            "DESK_RO_POLICE_SECRET", "production-path-desk-ro-police",
            "DESK_BG_CUSTOMS_SECRET", "production-path-desk-bg-customs");
    private static final String DATABASE_USER = "app";
    private static final String DATABASE_PASSWORD = "production-path-database-password";
    /** The development realm's public address, which the test's service stands in for. */
    private static final String DEV_ADDRESS = "https://exchange-pulse.dev.example.org";

    static Path dir;
    static CertificateAuthority authority;
    static SecuredKafka kafka;
    static SecuredPostgres postgres;
    static KeycloakServer keycloak;
    static ServiceProcess service;
    static List<JsonNode> prod;
    static List<JsonNode> dev;
    static Map<String, String> kafkaPasswords = new HashMap<>();

    /** What the suite needs beyond a JDK; without any of them each test is skipped, saying why ({@link #requireTools}). */
    private static final List<ExternalTool> TOOLS = List.of(ExternalTool.JAVA_21, ExternalTool.KUBECTL, ExternalTool.CHROMIUM,
            ExternalTool.CHROMEDRIVER);

    @BeforeAll
    static void start() throws Exception {
        if (TOOLS.stream().anyMatch(tool -> tool.find().isEmpty())) {
            return;
        }
        Path java = ExternalTool.JAVA_21.find().orElseThrow();
        prod = Manifests.rendered("prod");
        dev = Manifests.rendered("dev");
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "production-path")), "run-");
        authority = CertificateAuthority.create(dir.resolve("ca"), "Exchange Pulse production path CA");

        kafka = SecuredKafka.start(dir.resolve("kafka"), authority);
        kafka.createTopics(Manifests.ofKind(dev, "KafkaTopic"));
        for (JsonNode user : Manifests.ofKind(dev, "KafkaUser")) {
            String name = user.at("/metadata/name").asText();
            kafkaPasswords.put(name, "scram-password-of-" + name);
            kafka.createUser(user, kafkaPasswords.get(name));
        }
        postgres = SecuredPostgres.start(dir.resolve("postgres"), authority, database(), DATABASE_USER, DATABASE_PASSWORD);

        int port = Ports.free();
        keycloak = KeycloakServer.start(Path.of(System.getProperty("keycloak.home")), java, realm(port),
                Files.createDirectories(Path.of("target", "it-logs")).resolve("keycloak.log"));
        service = startService("production-path", "localhost", port).awaitReady(Duration.ofMinutes(2));
    }

    @BeforeEach
    void requireTools() {
        TOOLS.forEach(ExternalTool::require);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable each : new AutoCloseable[] {service, keycloak, kafka, postgres}) {
            if (each != null) {
                each.close();
            }
        }
    }

    // --- Keycloak: the realm's mappers, sign-in, sign-out, the wall's offline session ---

    @Test
    void theRealmsMappersGiveExactlyTheTokenContract() throws Exception {
        JsonNode desk = claims(keycloak.clientCredentialsToken("desk-ro-police", REALM_SECRETS.get("DESK_RO_POLICE_SECRET")));
        assertThat(desk.path("typ").asText()).isEqualTo("Bearer");
        assertThat(audiences(desk)).contains("exchange-pulse");
        assertThat(desk.path("party").asText()).isEqualTo("RO");
        assertThat(desk.path("agency").asText()).isEqualTo("POLICE");
        assertThat(desk.at("/resource_access/exchange-pulse/roles")).containsExactly(JSON.getNodeFactory().textNode("liaison"));

        JsonNode leader = keycloak.exampleAccessToken("exchange-pulse", "leader-drugs");
        assertThat(leader.at("/resource_access/exchange-pulse/roles").toString()).isEqualTo("[\"task-force-leader\"]");
        assertThat(leader.path("task_forces").toString()).isEqualTo("[\"DRUGS\"]");
        assertThat(leader.has("party")).isFalse();
        JsonNode liaison = keycloak.exampleAccessToken("exchange-pulse", "liaison-bg");
        assertThat(liaison.at("/resource_access/exchange-pulse/roles").toString()).isEqualTo("[\"liaison\"]");
        assertThat(liaison.path("party").asText()).isEqualTo("BG");
        assertThat(liaison.path("agency").asText()).isEqualTo("CUSTOMS");
        assertThat(audiences(liaison)).contains("exchange-pulse");
        for (JsonNode person : List.of(leader, liaison)) {
            assertThat(person.at("/realm_access/roles").toString()).as("nobody gets offline_access by default")
                    .doesNotContain("offline_access");
        }
    }

    @Test
    void aLiaisonDesksClientCredentialsTokenSendsAsItsOwnParty() throws Exception {
        String token = keycloak.clientCredentialsToken("desk-ro-police", REALM_SECRETS.get("DESK_RO_POLICE_SECRET"));
        Map<String, Object> exchange = TestExchanges.valid(SuiteClock.now());
        assertThat(post("/api/v1/exchanges", token, List.of(exchange)).statusCode()).isEqualTo(202);
        awaitCounted(exchange.get("id").toString());

        Map<String, Object> asAnother = TestExchanges.with(TestExchanges.with(TestExchanges.valid(SuiteClock.now()), "from", "BG"), "to", "RO");
        assertThat(post("/api/v1/exchanges", token, List.of(asAnother)).statusCode()).isEqualTo(403);
    }

    @Test
    void aLeaderSignsInThroughKeycloaksFormAndIsClamped() throws Exception {
        inBrowser(browser -> {
            signIn(browser, "/", "leader-drugs");
            assertThat(fetchStatus(browser, "/api/v1/task-forces/trend?taskForce=DRUGS")).isEqualTo(200);
            assertThat(fetchStatus(browser, "/api/v1/task-forces/trend?taskForce=TERRORISM")).isEqualTo(403);
            assertThat(fetchStatus(browser, "/api/v1/totals/yearly")).isEqualTo(403);
            assertThat(fetchBody(browser, "/api/v1/task-forces/trend")).contains("DRUGS").doesNotContain("TERRORISM");
        });
    }

    @Test
    void signingOutEndsEveryCopyOfTheSession() throws Exception {
        inBrowser(browser -> {
            String copy = signedInCopy(browser, "leader-terrorism", "/api/v1/task-forces/trend");
            browser.get(service.url().resolve("/logout").toString());
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(page -> !page.getCurrentUrl().contains("/logout"));
            assertThat(getWithCookie("/api/v1/task-forces/trend", copy).statusCode()).isNotEqualTo(200);
        });
    }

    @Test
    void anAdministratorEndingTheSessionAtKeycloakEndsItHere() throws Exception {
        inBrowser(browser -> {
            String copy = signedInCopy(browser, "analyst", "/api/v1/totals/yearly");
            // Keycloak tells the service at once, over the back channel (the realm's backchannel.logout.url).
            keycloak.signOutEverywhere("analyst");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(getWithCookie("/api/v1/totals/yearly", copy).statusCode()).isNotEqualTo(200));
        });
    }

    @Test
    void theWallSignsInAtTheKioskAndItsOfflineSessionSurvivesAKeycloakRestart() throws Exception {
        // Access tokens of 10 s, so that the first read after the restart needs a renewal at the restarted Keycloak.
        keycloak.updateRealm(Map.of("accessTokenLifespan", 10));
        String wall;
        ChromeDriver browser = Browser.open(1920, 1080);
        try {
            signIn(browser, "/kiosk", "wall");
            Browser.awaitLive(new WebDriverWait(browser, Duration.ofSeconds(30)));
            wall = sessionCookie(browser);
        } finally {
            browser.quit();
        }
        assertThat(keycloak.offlineClients("wall")).contains("exchange-pulse");

        keycloak.stop();
        keycloak.startAgain();
        Instant restarted = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(getWithCookie("/api/v1/totals/yearly", wall).statusCode()).isEqualTo(200);
            assertThat(keycloak.offlineSessionLastUsed("wall", "exchange-pulse")).as("renewed with the offline token it kept")
                    .isAfterOrEqualTo(restarted);
        });
        assertThat(service.output()).as("a renewal is no sign-in").contains("SESSION_RENEWED renewal at /api/v1/totals/yearly by wall");
    }

    // --- Kafka: SCRAM over TLS, the KafkaUsers' ACLs ---

    @Test
    void theGatewayPrincipalWritesEventsThatAreCounted() throws Exception {
        Map<String, Object> exchange = TestExchanges.valid(SuiteClock.now());
        String id = exchange.get("id").toString();
        try (var gateway = kafka.producer("liaison-gateway", kafkaPasswords.get("liaison-gateway"))) {
            gateway.send(new ProducerRecord<>("pulse.events", id, JSON.writeValueAsString(exchange))).get();
        }
        awaitCounted(id);
    }

    @Test
    void anUnlistedPrincipalIsRefusedAndAForgedDeltaNeverReachesAWall() throws Exception {
        kafka.createCredential("intruder", "intruder-password");
        String marker = "forged-" + UUID.randomUUID();
        try (var intruder = kafka.producer("intruder", "intruder-password")) {
            for (String topic : List.of("pulse.events", "pulse.deltas")) {
                assertThatThrownBy(() -> intruder.send(new ProducerRecord<>(topic, marker, "{\"forged\":\"" + marker + "\"}")).get())
                        .as(topic).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        // The gateway may write exchanges, never the deltas every wall shows.
        try (var gateway = kafka.producer("liaison-gateway", kafkaPasswords.get("liaison-gateway"))) {
            assertThatThrownBy(() -> gateway.send(new ProducerRecord<>("pulse.deltas", marker, "{\"forged\":\"" + marker + "\"}")).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(kafka.readAll("pulse.deltas")).noneMatch(value -> value.contains(marker));
    }

    // --- PostgreSQL: verify-full ---

    @Test
    void theServiceRefusesADatabaseWhoseCertificateNamesAnotherHost() throws Exception {
        // The server's certificate names localhost only; 127.0.0.1 is the same server under a name it does not bear.
        try (ServiceProcess misaddressed = startService("production-path-wrong-host", "127.0.0.1", Ports.free())) {
            assertThat(misaddressed.awaitExit(Duration.ofMinutes(2))).isNotZero();
            List<String> lines = misaddressed.output().lines().filter(line -> line.contains("\"level\":\"ERROR\"")).toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("127.0.0.1").containsIgnoringCase("certificate");
        }
    }

    // --- The service as the prod overlay configures it ---

    /**
     * The container's environment from the rendered prod overlay, exactly: its literal values as they are, its
     * Secrets' variables from the test (every one of them, else this fails: an overlay that adds a secret says so
     * here), the addresses of this machine's servers, and the mounted Secrets' files under a folder of the test's.
     */
    static ServiceProcess startService(String name, String databaseHost, int port) throws Exception {
        Map<String, String> environment = new HashMap<>(Manifests.environment(prod));
        Map<String, String> secrets = Map.of(
                "QUARKUS_DATASOURCE_USERNAME", DATABASE_USER,
                "QUARKUS_DATASOURCE_PASSWORD", DATABASE_PASSWORD,
                "KAFKA_SASL_JAAS_CONFIG", SecuredKafka.jaasConfig("exchange-pulse", kafkaPasswords.get("exchange-pulse")),
                "EXCHANGEPULSE_OIDC_CLIENT_SECRET", REALM_SECRETS.get("CLIENT_SECRET"),
                "EXCHANGEPULSE_SESSION_SECRET", "production-path-session-secret-of-32-characters-or-more");
        assertThat(secrets.keySet()).as("the prod overlay's Secret variables").isEqualTo(Manifests.secretVariables(prod));
        environment.putAll(secrets);

        Map<String, Path> mounted = Map.of("pulse-kafka-cluster-ca-cert", authority.certificate(), "pulse-db-ca", authority.certificate());
        for (var mount : Manifests.secretMounts(prod).entrySet()) {
            Path file = mounted.get(mount.getValue());
            assertThat(file).as("the Secret " + mount.getValue() + " the prod overlay mounts").isNotNull();
            environment.replaceAll((variable, value) -> value.startsWith(mount.getKey() + "/")
                    ? file.toAbsolutePath().toString() : value);
        }

        assertThat(environment).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_OIDC_AUTH_SERVER_URL");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.securedBootstrapServers());
        URI database = URI.create(environment.get("QUARKUS_DATASOURCE_REACTIVE_URL"));
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + databaseHost + ":" + postgres.port() + database.getPath());
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
        return ServiceProcess.startWith(name, environment, port);
    }

    /** The database the overlay's URL names. */
    static String database() throws Exception {
        return URI.create(Manifests.environment(prod).get("QUARKUS_DATASOURCE_REACTIVE_URL")).getPath().substring(1);
    }

    /**
     * The realm of the dev overlay's KeycloakRealmImport, as the Keycloak operator imports it: its placeholders
     * filled with the Secrets' values, and the development host's address replaced by this service's.
     */
    static JsonNode realm(int servicePort) throws Exception {
        String realm = Manifests.only(dev, "KeycloakRealmImport").at("/spec/realm").toString();
        for (var secret : REALM_SECRETS.entrySet()) {
            realm = realm.replace("${" + secret.getKey() + "}", secret.getValue());
        }
        assertThat(realm).as("every placeholder filled").doesNotContain("${");
        return JSON.readTree(realm.replace(DEV_ADDRESS, "http://localhost:" + servicePort));
    }

    // --- Helpers ---

    interface InBrowser {
        void run(ChromeDriver browser) throws Exception;
    }

    /** In a Chromium of its own, closed afterwards. */
    static void inBrowser(InBrowser steps) throws Exception {
        ChromeDriver browser = Browser.open(1280, 800);
        try {
            steps.run(browser);
        } finally {
            browser.quit();
        }
    }

    /** Signs {@code user} in and returns a copy of the session cookie, which reads {@code path}. */
    static String signedInCopy(ChromeDriver browser, String user, String path) throws Exception {
        signIn(browser, "/", user);
        String copy = sessionCookie(browser);
        assertThat(getWithCookie(path, copy).statusCode()).isEqualTo(200);
        return copy;
    }

    /** Goes to {@code entry}, is sent to Keycloak's login form, signs in there, and is back at the service. */
    static void signIn(ChromeDriver browser, String entry, String user) {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.withMessage(() -> "at " + browser.getCurrentUrl() + ": " + browser.findElement(By.tagName("body")).getText());
        browser.get(service.url().resolve(entry).toString());
        wait.until(page -> !page.findElements(By.id("kc-login")).isEmpty());
        assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuer()).contains("code_challenge_method=S256");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(service.url().toString()));
    }

    static String sessionCookie(ChromeDriver browser) {
        return browser.manage().getCookies().stream()
                .filter(c -> c.getName().startsWith("q_session"))
                .map(c -> c.getName() + "=" + c.getValue())
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + browser.manage().getCookies()));
    }

    static long fetchStatus(ChromeDriver browser, String path) {
        return (Long) browser.executeAsyncScript(
                "fetch(arguments[0], {headers: {Accept: 'application/json'}}).then(r => arguments[1](r.status))", path);
    }

    static String fetchBody(ChromeDriver browser, String path) {
        return (String) browser.executeAsyncScript(
                "fetch(arguments[0], {headers: {Accept: 'application/json'}}).then(r => r.text()).then(arguments[1])", path);
    }

    static HttpResponse<String> getWithCookie(String path, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.url().resolve(path)).header("Cookie", cookie)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String token, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.url().resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Counted: in the service's own database, read through the test's door (the superuser, from this machine). */
    static void awaitCounted(String id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (var connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.port() + "/" + database(),
                    "postgres", "");
                    var statement = connection.prepareStatement("SELECT count(*) FROM counted_exchange WHERE id::text = ?")) {
                statement.setString(1, id);
                var rows = statement.executeQuery();
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        });
    }

    static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? JSON.convertValue(aud, List.class) : List.of(aud.asText());
    }
}
