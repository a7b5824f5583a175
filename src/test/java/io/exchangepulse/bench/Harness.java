package io.exchangepulse.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the harnesses (the benchmark, the soak) share: their options and how they end. */
final class Harness {

    interface Run {
        void run() throws Exception;
    }

    private Harness() {
    }

    /** The defaults, given as name and value pairs in the order they are printed, overridden by {@code --name value}. */
    static Map<String, String> options(String[] args, String... defaults) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < defaults.length; i += 2) {
            options.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /** Runs, then ends the JVM either way: under exec:java the embedded broker's threads would keep it waiting. */
    static void runThenExit(Run run) {
        try {
            run.run();
            System.exit(0);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
    }
}
