package io.exchangepulse.support;

import org.opentest4j.TestAbortedException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A program some tests need that a JDK does not bring, found on the PATH (or, for Keycloak's Java, among the
 * installed JDKs). Where it is missing, the test is skipped with one line that says how to get it; where {@code
 * EXCHANGEPULSE_TESTS_REQUIRE} names it (CI names them all, so that nothing is skipped there), the test fails instead.
 */
public enum ExternalTool {
    NODE("the dashboard's unit tests need Node.js 20 or newer (apt-get install nodejs, or https://nodejs.org)", "node"),
    CHROMIUM("the browser tests need Chromium (apt-get install chromium chromium-driver)", "chromium",
            "chromium-browser", "google-chrome"),
    CHROMEDRIVER("the browser tests need ChromeDriver (apt-get install chromium-driver)", "chromedriver"),
    KUBECTL("the manifest tests render k8s/ with kubectl's kustomize (apt-get install kubernetes-client, or "
            + "https://kubernetes.io/docs/tasks/tools/)", "kubectl"),
    CURL("the documentation's examples are curl commands (apt-get install curl)", "curl"),
    PROMTOOL("the alert rules are checked and unit-tested with Prometheus' promtool (apt-get install prometheus)", "promtool"),
    /**
     * A JDK for Keycloak (the production path), which needs Java 21 or newer: the one this JVM runs on if it is
     * new enough, else {@code KEYCLOAK_JAVA_HOME}, else one installed under /usr/lib/jvm. What is found is its home.
     */
    JAVA_21("the production path runs Keycloak, which needs Java 21 or newer (set KEYCLOAK_JAVA_HOME to one, or "
            + "apt-get install openjdk-21-jdk-headless)") {
        @Override
        public Optional<Path> find() {
            return Stream.of(
                            Stream.of(Path.of(System.getProperty("java.home"))),
                            Stream.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")).map(Path::of),
                            installedJdks())
                    .flatMap(homes -> homes)
                    .filter(ExternalTool::isJava21OrNewer)
                    .findFirst();
        }

        @Override
        String missing() {
            return "no Java 21 or newer found";
        }
    };

    public static final String REQUIRE = "EXCHANGEPULSE_TESTS_REQUIRE";

    private final String why;
    private final List<String> names;

    ExternalTool(String why, String... names) {
        this.why = why;
        this.names = List.of(names);
    }

    /** The program's path; skips the calling test (or fails it, where required) when it is not installed. */
    public Path require() {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        String message = missing() + ": " + why;
        if (required()) {
            throw new AssertionError(message + " (" + REQUIRE + " asks for it)");
        }
        System.out.println("[SKIPPED] " + message);
        throw new TestAbortedException(message);
    }

    public Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    String missing() {
        return names.get(0) + " not found on the PATH";
    }

    private boolean required() {
        String wanted = System.getenv().getOrDefault(REQUIRE, System.getProperty(REQUIRE, ""));
        return Arrays.stream(wanted.split(","))
                .map(String::trim)
                .anyMatch(name -> name.equalsIgnoreCase("all") || name.toUpperCase(Locale.ROOT).equals(name()));
    }

    private static Stream<Path> installedJdks() {
        try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
            return homes.sorted(Comparator.reverseOrder()).toList().stream();
        } catch (IOException | RuntimeException none) {
            return Stream.empty();
        }
    }

    /** From the JDK's {@code release} file: JAVA_VERSION="25.0.1". */
    private static boolean isJava21OrNewer(Path home) {
        try {
            Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(home.resolve("release")));
            return version.find() && Integer.parseInt(version.group(1)) >= 21 && Files.isExecutable(home.resolve("bin/java"));
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}
