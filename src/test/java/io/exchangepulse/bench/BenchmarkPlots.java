package io.exchangepulse.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The benchmark's two pictures, from the medians of its summary: latency against viewers, and ingest beside its limits. */
final class BenchmarkPlots {

    /** A colour per rate of the push series, in the order given; the raw fan-out beside each in a lighter one. */
    private static final String[][] COLOURS = {{"#1f77b4", "#9ec5e8"}, {"#d62728", "#f0a3a3"}, {"#2ca02c", "#a6dba6"}};

    private final Map<String, Spread> summary;
    private final int[] viewerCounts;
    private final List<String> rates;

    BenchmarkPlots(Map<String, Spread> summary, int[] viewerCounts, List<String> rates) {
        this.summary = summary;
        this.viewerCounts = viewerCounts;
        this.rates = rates;
    }

    /** Event-to-screen p99 (solid) and p50 (dashed) against viewers, a colour per rate, the raw fan-out's p99 beside. */
    String latency() {
        List<Plots.Line> lines = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            String rate = rates.get(i);
            String[] colour = COLOURS[i % COLOURS.length];
            String name = String.format("%,.0f/s", median("push." + rate + ".perSecond")) + (rate.equals(Benchmark.HALF) ? " (half)" : "");
            lines.add(new Plots.Line("p99 at " + name, series("push." + rate, "p99Ms"), colour[0], false));
            lines.add(new Plots.Line("p50 at " + name, series("push." + rate, "p50Ms"), colour[0], true));
            lines.add(new Plots.Line("raw fan-out p99, " + name, series("raw." + rate, "p99Ms"), colour[1], false));
        }
        List<String> labels = Arrays.stream(viewerCounts).mapToObj(count -> String.format("%,d", count)).toList();
        return Plots.lines("Event-to-screen latency against viewers", "viewers", "ms", labels, lines);
    }

    /** Counted ingest straight to Kafka and over HTTP, beside raw PostgreSQL (COPY) and raw Kafka. */
    String ingest() {
        return Plots.bars("Counted ingest beside its limits", "exchanges/s", List.of(
                new Plots.Bar("counted, straight to Kafka", median("ingestKafka.perSecond"), "#1f77b4"),
                new Plots.Bar("counted, over HTTP", median("ingestHttp.perSecond"), "#6baed6"),
                new Plots.Bar("raw PostgreSQL (COPY)", median("rawUpserts.perSecond"), "#8c8c8c"),
                new Plots.Bar("raw Kafka", median("rawKafka.perSecond"), "#c7c7c7")));
    }

    private double[] series(String prefix, String figure) {
        return Arrays.stream(viewerCounts).mapToDouble(count -> median(prefix + "." + count + "." + figure)).toArray();
    }

    private double median(String key) {
        Spread spread = summary.get(key);
        return spread == null ? Double.NaN : spread.median();
    }
}
