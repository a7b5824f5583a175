package io.exchangepulse.simulate;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the simulator from the command line against a running service (HTTP, signed in as {@code --user},
 * the dev provider's admin by default) or a Kafka cluster:
 * <pre>
 * ./mvnw -q exec:java@simulate -Dexec.args="--target http://localhost:8080 --speedup 3600"
 * ./mvnw -q exec:java@simulate -Dexec.args="--target kafka://localhost:9092 --rate 5000 --duration PT1M"
 * </pre>
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        run(args, System.out);
    }

    /** Runs the simulator as the command line asks, printing its progress to {@code out}. */
    public static Simulator.Result run(String[] args, PrintStream out) throws Exception {
        Map<String, String> options = parse(args);
        String target = options.getOrDefault("target", "http://localhost:8080");
        double speedup = Double.parseDouble(options.getOrDefault("speedup", "3600"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        Duration duration = Duration.parse(options.getOrDefault("duration", "PT5M"));
        Instant start = options.containsKey("start") ? Instant.parse(options.get("start")) : replayedFrom(Instant.now(), speedup, rate, duration);
        if (!options.containsKey("start") && rate == 0) {
            // The replay ends now, however much of it the service still takes.
            speedup = Duration.between(start, Instant.now()).toNanos() / (double) duration.toNanos();
        }
        var plan = new Simulator.Plan(
                Long.parseLong(options.getOrDefault("seed", "42")),
                start,
                Double.parseDouble(options.getOrDefault("per-year", "9196")),
                speedup,
                rate,
                duration,
                Integer.parseInt(options.getOrDefault("batch", "500")),
                Integer.parseInt(options.getOrDefault("in-flight", "4")));
        out.printf("Simulating seed-shaped exchanges into %s: %s%n", target, plan);
        try (TrafficSink sink = sinkFor(target, options)) {
            var result = new Simulator(plan, sink, out).run();
            out.printf("Sent %,d, accepted %,d, errors %,d in %s (%,.0f/s)%n", result.sent(), result.accepted(),
                    result.errors(), result.elapsed(), result.acceptedPerSecond());
            return result;
        }
    }

    /**
     * Sped up, the simulator replays the period that ends now (a run of a minute at 3600 times covers the
     * last 60 hours), since the service refuses exchanges from the future; but no further back than the
     * service counts (this year, and at most {@link #REPLAYABLE} ago). At a flat rate it sends the present.
     */
    static Instant replayedFrom(Instant now, double speedup, double rate, Duration duration) {
        if (rate > 0) {
            return now;
        }
        Instant wanted = now.minusNanos((long) (duration.toNanos() * speedup));
        Instant startOfYear = now.atOffset(ZoneOffset.UTC).withDayOfYear(1).truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant earliest = now.minus(REPLAYABLE).isAfter(startOfYear) ? now.minus(REPLAYABLE) : startOfYear;
        return wanted.isBefore(earliest) ? earliest : wanted;
    }

    /** The one-command run's identity provider, whose users' passwords are their names. */
    static final String DEV_PROVIDER = "http://localhost:8180";

    /** Within the service's default lateness window (seven days), with an hour to spare. */
    static final Duration REPLAYABLE = Duration.ofDays(7).minusHours(1);

    static TrafficSink sinkFor(String target, Map<String, String> options) {
        if (target.startsWith("kafka://")) {
            return new KafkaSink(target.substring("kafka://".length()), options.getOrDefault("topic", "pulse.events"));
        }
        if (target.startsWith("http://") || target.startsWith("https://")) {
            String user = options.getOrDefault("user", "admin");
            return new HttpSink(URI.create(target), URI.create(options.getOrDefault("provider", DEV_PROVIDER)), user,
                    options.getOrDefault("password", user));
        }
        throw new IllegalArgumentException("--target is http(s)://host:port or kafka://bootstrap-servers, not " + target);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("options are --name value pairs: --target, --seed, --start, --per-year, "
                        + "--speedup, --rate, --duration, --batch, --in-flight, --topic, --provider, --user, --password");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
