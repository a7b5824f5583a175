package io.exchangepulse.bench;

import java.io.PrintStream;
import java.util.Map;

/** The benchmark's table: each figure's median and spread over the runs, its limit in the same runs, and its target. */
final class BenchmarkTable {

    private static final String ROW = "%-46s %-34s %-44s %s%n";

    private final Map<String, Spread> summary;
    private final int runs;
    private final int[] viewerCounts;

    BenchmarkTable(Map<String, Spread> summary, int runs, int[] viewerCounts) {
        this.summary = summary;
        this.runs = runs;
        this.viewerCounts = viewerCounts;
    }

    void print(PrintStream out) {
        out.println();
        out.printf("Exchange Pulse benchmark: median (lowest-highest) of %d run%s%n", runs, runs == 1 ? "" : "s");
        out.printf(ROW, "measure", "figure", "limit: the raw part, same runs", "target");
        Spread rawKafka = summary.get("rawKafka.perSecond");
        for (String phase : new String[] {"ingestKafka", "ingestHttp"}) {
            Spread rate = summary.get(phase + ".perSecond");
            out.printf(ROW, "Counted ingest, " + (phase.equals("ingestKafka") ? "straight to Kafka" : "over HTTP") + " (/s)",
                    rate.format("%,.0f") + " " + exactness(phase), "Kafka " + rawKafka.format("%,.0f")
                            + String.format(" (%.0f %%)", 100 * rate.median() / rawKafka.median()), ">= 50 % of raw Kafka");
        }
        out.printf(ROW, "", "", "PostgreSQL upserts " + summary.get("rawUpserts.perSecond").format("%,.0f"), "");
        for (int viewers : viewerCounts) {
            String push = "push." + viewers + ".";
            String raw = "raw." + viewers + ".";
            out.printf(ROW, String.format("Event-to-screen, %,d viewers (ms)", viewers),
                    "p50 " + summary.get(push + "p50Ms").format("%.0f"), "fan-out p50 " + summary.get(raw + "p50Ms").format("%.0f"), "");
            out.printf(ROW, "", "p99 " + summary.get(push + "p99Ms").format("%.0f"), "fan-out p99 " + summary.get(raw + "p99Ms").format("%.0f"),
                    "p99 <= 150 ms");
            out.printf(ROW, "", "p99.9 " + summary.get(push + "p999Ms").format("%.0f")
                    + String.format(", machine %.0f %% busy", 100 * summary.get(push + "machineBusy").median()), "", "");
            out.printf(ROW, "  service CPU per delta written (us)", summary.get(push + "cpuUsPerDelta").format("%.1f")
                            + String.format(", %,.0f B", summary.get(push + "deltaBytes").median()),
                    "fan-out per message " + summary.get(raw + "cpuUsPerMessage").format("%.1f"), "");
        }
        if (summary.containsKey("push.marginalCpuUsPerDelta")) {
            out.printf(ROW, "  CPU per viewer per delta, marginal (us)", summary.get("push.marginalCpuUsPerDelta").format("%.1f"),
                    "fan-out " + summary.get("raw." + viewerCounts[viewerCounts.length - 1] + ".cpuUsPerMessage").format("%.1f"),
                    "<= 2x raw fan-out");
        }
        out.printf(ROW, "Peak resident memory of the service (MB)", summary.get("process.peakRssMb").format("%.0f"), "", "<= 300 MB");
        out.printf(ROW, "Launch to ready, the image's runtime (s)", summary.get("startup.readySeconds").format("%.1f"),
                "Quarkus \"started in\" " + summary.get("startup.quarkusStartedInSeconds").format("%.1f"), "<= 2 s");
        if (summary.containsKey("startup.buildJdk.readySeconds")) {
            out.printf(ROW, "Launch to ready, the build's JDK, no cache (s)", summary.get("startup.buildJdk.readySeconds").format("%.1f"), "", "");
        }
    }

    private String exactness(String phase) {
        Spread exact = summary.get(phase + ".exact");
        return exact.min() == 1 ? "exact" : "NOT EXACT in a run";
    }
}
