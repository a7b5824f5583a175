package io.exchangepulse.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service (target/quarkus-app) as an operator runs it: its own process, configured only by
 * environment variables, trusting the suite's identity provider, stopped by a signal. Health and metrics
 * are on its management port, as in a pod.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /**
     * The settings of a service on the system's clock rather than the suite's: the benchmark and the soak send
     * exchanges of the real present, as a center's partners do.
     */
    public static final Map<String, String> SYSTEM_CLOCK = Map.of("EXCHANGEPULSE_CENTER_CLOCK_OFFSET", "PT0S");
    private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");
    /** The secrets an operator gives the packaged service, which refuses to start without them. */
    public static final String CLIENT_SECRET = "test-only-client-secret-of-the-packaged-service";
    public static final String SESSION_SECRET = "test-only-session-secret-of-the-packaged-service";

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private ServiceProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Against the suite's broker, database and identity provider, as if they were a cluster's, with the heap
     * the container gives it (src/main/docker): RSS is then what a pod would use. An empty value in
     * {@code extraEnvironment} unsets that variable.
     */
    public static ServiceProcess start(String name, Map<String, String> extraEnvironment) throws IOException {
        return start(name, extraEnvironment, List.of());
    }

    /** The same, with JVM options added after the image's. */
    public static ServiceProcess start(String name, Map<String, String> extraEnvironment, List<String> extraOptions)
            throws IOException {
        return start(name, extraEnvironment, ProcessHandle.current().info().command().orElse("java"), extraOptions);
    }

    /** The same on another JVM ({@code java}, its executable), with options added after the image's. */
    public static ServiceProcess start(String name, Map<String, String> extraEnvironment, String java, List<String> extraOptions)
            throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", PulseServices.bootstrapServers());
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", PulseServices.reactiveUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", PulseServices.issuer().url());
        environment.put("EXCHANGEPULSE_OIDC_CLIENT_SECRET", CLIENT_SECRET);
        environment.put("EXCHANGEPULSE_SESSION_SECRET", SESSION_SECRET);
        environment.put("EXCHANGEPULSE_LOG_JSON", "false");
        environment.putAll(extraEnvironment);
        // An empty value leaves the variable out, as an operator who never set it would.
        environment.values().removeIf(String::isEmpty);
        return startWith(name, environment, java, extraOptions, Ports.free());
    }

    /**
     * With exactly {@code environment} (and the image's own), nothing of the suite's services: a cluster's settings.
     * It listens on {@code port}, which a test may need to know before the service starts (a realm's redirect URIs).
     */
    public static ServiceProcess startWith(String name, Map<String, String> environment, int port) throws IOException {
        return startWith(name, environment, ProcessHandle.current().info().command().orElse("java"), List.of(), port);
    }

    private static ServiceProcess startWith(String name, Map<String, String> settings, String java, List<String> extraOptions,
            int port) throws IOException {
        Map<String, String> environment = new HashMap<>(imageEnvironment());
        environment.putAll(settings);
        int managementPort = Ports.free();
        environment.putIfAbsent("EXCHANGEPULSE_CENTER_CLOCK_OFFSET", SuiteClock.offset().toString());
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("EXCHANGEPULSE_MANAGEMENT_PORT", String.valueOf(managementPort));

        Path log = Files.createDirectories(Path.of("target", "it-logs")).resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(containerJavaOptions(java));
        command.addAll(extraOptions);
        // From the application's directory, the same wherever the checkout is: a JDK's ahead-of-time cache holds
        // the class path as the training run was launched, and a later launch must give the same one.
        command.addAll(List.of("-jar", JAR.getFileName().toString()));
        var builder = new ProcessBuilder(command)
                .directory(JAR.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start(), log, port, managementPort);
    }

    /** The image's settings of the C allocator (MALLOC_ARENA_MAX), which bound the JVM's native memory. */
    private static Map<String, String> imageEnvironment() throws IOException {
        Matcher variables = Pattern.compile("(?m)^ENV (MALLOC_\\w+)=(\\S+)$").matcher(Files.readString(DOCKERFILE));
        Map<String, String> environment = new HashMap<>();
        while (variables.find()) {
            environment.put(variables.group(1), variables.group(2));
        }
        return environment;
    }

    /**
     * The JVM options of the container image (src/main/docker/Dockerfile.jvm), so that tests run what a pod runs. An
     * older JVM than the image's (the build's JDK 17) takes those it knows and passes over the image's newer ones
     * (compact object headers, say); the image's ahead-of-time cache is the image's, a local run trains its own.
     */
    static List<String> containerJavaOptions(String java) throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        Matcher options = Pattern.compile("(?m)^ENV JAVA_OPTS=\"([^\"]*)\"").matcher(dockerfile);
        if (!options.find()) {
            throw new IllegalStateException("no ENV JAVA_OPTS in " + DOCKERFILE);
        }
        List<String> result = new ArrayList<>();
        if (featureVersion(java) < imageJava(dockerfile)) {
            result.add("-XX:+IgnoreUnrecognizedVMOptions");
        }
        result.addAll(List.of(options.group(1).trim().split("\\s+")));
        return result;
    }

    /** The Java version of the image's runtime. */
    public static int imageJava() throws IOException {
        return imageJava(Files.readString(DOCKERFILE));
    }

    /** The image's first stage is Temurin's image of its Java version. */
    private static int imageJava(String dockerfile) {
        Matcher image = Pattern.compile("(?m)^FROM eclipse-temurin:(\\d+)").matcher(dockerfile);
        if (!image.find()) {
            throw new IllegalStateException("no FROM eclipse-temurin:<version> in " + DOCKERFILE);
        }
        return Integer.parseInt(image.group(1));
    }

    /** The Java version of a JDK's {@code java}, from the {@code release} file every JDK has beside its bin/. */
    public static int featureVersion(String java) {
        try {
            Path executable = Path.of(java).toRealPath();
            var version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(executable.getParent().resolveSibling("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException unreadable) {
            return 0;
        }
    }

    public int port() {
        return port;
    }

    public URI url() {
        return URI.create("http://localhost:" + port + "/");
    }

    /** Where /q/health and /q/metrics are. */
    public int managementPort() {
        return managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ServiceProcess awaitReady(Duration timeout) throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        var ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready")).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready within " + timeout + ":\n" + output());
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye; what a node failure looks like. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and the exit code. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the service did not stop within " + timeout);
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the service did not exit within " + timeout);
        }
        return process.exitValue();
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

}
