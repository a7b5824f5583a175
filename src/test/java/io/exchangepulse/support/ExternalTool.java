package io.exchangepulse.support;

import org.opentest4j.TestAbortedException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A program some tests need that a JDK does not bring, found on the PATH. Where it is missing, the test is
 * skipped with one line that says how to get it; where {@code EXCHANGEPULSE_TESTS_REQUIRE} names it (CI
 * names them all, so that nothing is skipped there), the test fails instead.
 */
public enum ExternalTool {
    NODE("the dashboard's unit tests need Node.js 20 or newer (apt-get install nodejs, or https://nodejs.org)", "node"),
    CHROMIUM("the browser tests need Chromium (apt-get install chromium chromium-driver)", "chromium",
            "chromium-browser", "google-chrome"),
    CHROMEDRIVER("the browser tests need ChromeDriver (apt-get install chromium-driver)", "chromedriver"),
    KUBECTL("the manifest tests render k8s/ with kubectl's kustomize (apt-get install kubernetes-client, or "
            + "https://kubernetes.io/docs/tasks/tools/)", "kubectl"),
    CURL("the README's examples are curl commands (apt-get install curl)", "curl"),
    PROMTOOL("the alert rules are checked and unit-tested with Prometheus' promtool (apt-get install prometheus)", "promtool");

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
        String message = names.get(0) + " not found on the PATH: " + why;
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

    private boolean required() {
        String wanted = System.getenv().getOrDefault(REQUIRE, System.getProperty(REQUIRE, ""));
        return Arrays.stream(wanted.split(","))
                .map(String::trim)
                .anyMatch(name -> name.equalsIgnoreCase("all") || name.toUpperCase(Locale.ROOT).equals(name()));
    }
}
