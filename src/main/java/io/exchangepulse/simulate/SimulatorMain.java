package io.exchangepulse.simulate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the simulator from the command line against a running service (HTTP) or a Kafka cluster:
 * <pre>
 * ./mvnw -q exec:java@simulate -Dexec.args="--target http://localhost:8080 --speedup 3600"
 * ./mvnw -q exec:java@simulate -Dexec.args="--target kafka://localhost:9092 --rate 5000 --duration PT1M"
 * </pre>
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String target = options.getOrDefault("target", "http://localhost:8080");
        var plan = new Simulator.Plan(
                Long.parseLong(options.getOrDefault("seed", "42")),
                Instant.parse(options.getOrDefault("start", Instant.now().toString())),
                Double.parseDouble(options.getOrDefault("per-year", "9196")),
                Double.parseDouble(options.getOrDefault("speedup", "3600")),
                Double.parseDouble(options.getOrDefault("rate", "0")),
                Duration.parse(options.getOrDefault("duration", "PT5M")),
                Integer.parseInt(options.getOrDefault("batch", "500")),
                Integer.parseInt(options.getOrDefault("in-flight", "4")));
        System.out.printf("Simulating seed-shaped exchanges into %s: %s%n", target, plan);
        try (TrafficSink sink = sinkFor(target, options.getOrDefault("topic", "pulse.events"))) {
            var result = new Simulator(plan, sink, System.out).run();
            System.out.printf("Sent %,d, accepted %,d, errors %,d in %s (%,.0f/s)%n", result.sent(), result.accepted(),
                    result.errors(), result.elapsed(), result.acceptedPerSecond());
        }
    }

    static TrafficSink sinkFor(String target, String topic) {
        if (target.startsWith("kafka://")) {
            return new KafkaSink(target.substring("kafka://".length()), topic);
        }
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return new HttpSink(URI.create(target));
        }
        throw new IllegalArgumentException("--target is http(s)://host:port or kafka://bootstrap-servers, not " + target);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("options are --name value pairs: --target, --seed, --start, --per-year, "
                        + "--speedup, --rate, --duration, --batch, --in-flight, --topic");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
