package io.exchangepulse.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The benchmark's table: each figure's median and spread over the runs, its limit in the same runs, and its target. */
final class BenchmarkTable {

    private static final String ROW = "%-46s %-34s %-44s %s%n";
    /** The realistic peak of the push series (about a hundred thousand times the seed's yearly average). */
    static final String REALISTIC_PEAK = "1000";
    static final double PEAK_P99_MS = 150;
    /** Counted ingest's target: this share of the raw PostgreSQL baseline (the same rows, written with COPY). */
    static final double SHARE_OF_POSTGRESQL = 0.8;

    private final Map<String, Spread> summary;
    private final int runs;
    private final int[] viewerCounts;
    private final List<String> rates;

    BenchmarkTable(Map<String, Spread> summary, int runs, int[] viewerCounts, List<String> rates) {
        this.summary = summary;
        this.runs = runs;
        this.viewerCounts = viewerCounts;
        this.rates = rates;
    }

    /** At half capacity the push may take twice the raw fan-out's p99 and the tick a delta waits for; else null. */
    static Double p99TargetMs(String rate, double rawFanOutP99Ms) {
        if (rate.equals(Benchmark.HALF)) {
            return 2 * rawFanOutP99Ms + Benchmark.TICK_MILLIS;
        }
        return rate.equals(REALISTIC_PEAK) ? PEAK_P99_MS : null;
    }

    void print(PrintStream out) {
        out.println();
        out.printf("Exchange Pulse benchmark: median (lowest-highest) of %d run%s%n", runs, runs == 1 ? "" : "s");
        out.printf(ROW, "measure", "figure", "limit: the raw part, same runs", "target");
        Spread rawKafka = summary.get("rawKafka.perSecond");
        Spread rawPostgres = summary.get("rawUpserts.perSecond");
        for (String phase : new String[] {"ingestKafka", "ingestHttp"}) {
            Spread rate = summary.get(phase + ".perSecond");
            double ofPostgres = rate.median() / rawPostgres.median();
            out.printf(ROW, "Counted ingest, " + (phase.equals("ingestKafka") ? "straight to Kafka" : "over HTTP") + " (/s)",
                    rate.format("%,.0f") + " " + exactness(phase), "PostgreSQL COPY " + rawPostgres.format("%,.0f")
                            + String.format(" (%.0f %%)", 100 * ofPostgres),
                    String.format(">= %.0f %% of raw PostgreSQL: %s", 100 * SHARE_OF_POSTGRESQL, met(ofPostgres >= SHARE_OF_POSTGRESQL)));
            out.printf(ROW, "", "", "Kafka " + rawKafka.format("%,.0f") + String.format(" (%.0f %%)", 100 * rate.median() / rawKafka.median()), "");
        }
        for (String rate : rates) {
            out.printf("Push at %s: %s exchanges/s%n", rate.equals(Benchmark.HALF) ? "half the counted ingest straight to Kafka" : "a fixed rate",
                    summary.get("push." + rate + ".perSecond").format("%,.0f"));
            for (int viewers : viewerCounts) {
                printPush(out, rate, viewers);
            }
            if (summary.containsKey("push." + rate + ".marginalCpuUsPerDelta")) {
                out.printf(ROW, "  CPU per viewer per delta, marginal (us)", summary.get("push." + rate + ".marginalCpuUsPerDelta").format("%.1f"),
                        "fan-out " + summary.get("raw." + rate + "." + viewerCounts[viewerCounts.length - 1] + ".cpuUsPerMessage").format("%.1f"),
                        "<= 2x raw fan-out");
            }
        }
        out.printf(ROW, "Peak resident memory of the service (MB)", summary.get("process.peakRssMb").format("%.0f"), "", "<= 300 MB");
        out.printf(ROW, "Launch to ready, the image's runtime (s)", summary.get("startup.readySeconds").format("%.1f"),
                "Quarkus \"started in\" " + summary.get("startup.quarkusStartedInSeconds").format("%.1f"), "<= 2 s");
        if (summary.containsKey("startup.buildJdk.readySeconds")) {
            out.printf(ROW, "Launch to ready, the build's JDK, no cache (s)", summary.get("startup.buildJdk.readySeconds").format("%.1f"), "", "");
        }
    }

    private void printPush(PrintStream out, String rate, int viewers) {
        String push = "push." + rate + "." + viewers + ".";
        String raw = "raw." + rate + "." + viewers + ".";
        Spread p99 = summary.get(push + "p99Ms");
        Double target = p99TargetMs(rate, summary.get(raw + "p99Ms").median());
        out.printf(ROW, String.format("  Event-to-screen, %,d viewers (ms)", viewers),
                "p50 " + summary.get(push + "p50Ms").format("%.0f"), "fan-out p50 " + summary.get(raw + "p50Ms").format("%.0f"), "");
        out.printf(ROW, "", "p99 " + p99.format("%.0f"), "fan-out p99 " + summary.get(raw + "p99Ms").format("%.0f"),
                target == null ? "" : String.format("p99 <= %.0f ms: %s", target, met(p99.median() <= target)));
        out.printf(ROW, "", "p99.9 " + summary.get(push + "p999Ms").format("%.0f")
                + String.format(", machine %.0f %% busy", 100 * summary.get(push + "machineBusy").median()), "", "");
        out.printf(ROW, "  service CPU per delta written (us)", summary.get(push + "cpuUsPerDelta").format("%.1f")
                        + String.format(", %,.0f B", summary.get(push + "deltaBytes").median()),
                "fan-out per message " + summary.get(raw + "cpuUsPerMessage").format("%.1f"), "");
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    private String exactness(String phase) {
        Spread exact = summary.get(phase + ".exact");
        return exact.min() == 1 ? "exact" : "NOT EXACT in a run";
    }
}
