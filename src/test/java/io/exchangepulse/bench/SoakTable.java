package io.exchangepulse.bench;

import io.exchangepulse.support.PageMetrics;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The soak's samples as a table, and how fast each figure grows: the least-squares slope per hour over the second
 * half of the run, once what a start fills once (the JIT's code, caches, the day's first pairs on the map) is in.
 */
final class SoakTable {

    /** A figure of a sample, named with its unit. */
    record Figure(String name, ToDoubleFunction<SoakSample> value) {
    }

    private final List<SoakSample> samples;
    private final List<SoakSample> secondHalf;

    SoakTable(List<SoakSample> samples) {
        this.samples = samples;
        double half = samples.get(samples.size() - 1).minutes() / 2;
        this.secondHalf = samples.stream().filter(sample -> sample.minutes() >= half).toList();
    }

    List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        for (int wall = 0; wall < samples.get(0).walls().size(); wall++) {
            int w = wall;
            String name = "wall " + (wall + 1) + " ";
            figures.add(new Figure(name + "JS heap after GC, MB", sample -> page(sample, w).jsHeapMb()));
            figures.add(new Figure(name + "DOM nodes", sample -> page(sample, w).nodes()));
            figures.add(new Figure(name + "DOM nodes out of the document", sample -> page(sample, w).detachedNodes()));
            figures.add(new Figure(name + "event listeners", sample -> page(sample, w).listeners()));
            figures.add(new Figure(name + "intervals", sample -> page(sample, w).intervals()));
            figures.add(new Figure(name + "timeouts pending", sample -> page(sample, w).timeouts()));
            for (String region : regions(w)) {
                figures.add(new Figure(name + "nodes: " + region, sample -> page(sample, w).nodesByRegion().getOrDefault(region, 0L)));
            }
        }
        figures.add(new Figure("service heap after GC, MB", sample -> sample.service().heapMb()));
        figures.add(new Figure("service RSS, MB", sample -> sample.service().rssMb()));
        figures.add(new Figure("service threads", sample -> sample.service().threads()));
        figures.add(new Figure("service open files", sample -> sample.service().openFiles()));
        figures.add(new Figure("service sockets", sample -> sample.service().sockets()));
        figures.add(new Figure("service live viewers", sample -> sample.service().viewers()));
        return figures;
    }

    private static PageMetrics page(SoakSample sample, int wall) {
        return sample.walls().get(wall);
    }

    private TreeSet<String> regions(int wall) {
        TreeSet<String> regions = new TreeSet<>();
        samples.forEach(sample -> regions.addAll(page(sample, wall).nodesByRegion().keySet()));
        return regions;
    }

    /** Each figure's first and last value and its growth per hour over the second half. */
    Map<String, Map<String, Double>> growth() {
        Map<String, Map<String, Double>> growth = new LinkedHashMap<>();
        for (Figure figure : figures()) {
            growth.put(figure.name(), Map.of("first", figure.value().applyAsDouble(samples.get(0)),
                    "last", figure.value().applyAsDouble(samples.get(samples.size() - 1)), "perHour", perHour(figure.value())));
        }
        return growth;
    }

    /** The least-squares slope of a figure against time over the second half, per hour. */
    double perHour(ToDoubleFunction<SoakSample> figure) {
        double meanX = secondHalf.stream().mapToDouble(SoakSample::minutes).average().orElse(0);
        double meanY = secondHalf.stream().mapToDouble(figure).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (SoakSample sample : secondHalf) {
            covariance += (sample.minutes() - meanX) * (figure.applyAsDouble(sample) - meanY);
            variance += (sample.minutes() - meanX) * (sample.minutes() - meanX);
        }
        return variance == 0 ? Double.NaN : 60 * covariance / variance;
    }

    /** Layouts and style recalculations a minute of each wall over the second half: the page's work, not a leak. */
    Map<String, Double> workPerMinute() {
        Map<String, Double> work = new LinkedHashMap<>();
        SoakSample from = secondHalf.get(0);
        SoakSample to = secondHalf.get(secondHalf.size() - 1);
        double minutes = to.minutes() - from.minutes();
        for (int wall = 0; wall < from.walls().size(); wall++) {
            work.put("wall " + (wall + 1) + " layouts a minute", (page(to, wall).layouts() - page(from, wall).layouts()) / minutes);
            work.put("wall " + (wall + 1) + " style recalculations a minute",
                    (page(to, wall).styleRecalcs() - page(from, wall).styleRecalcs()) / minutes);
        }
        return work;
    }

    void print(PrintStream out) {
        printHeader(out);
        for (int i = 0; i < samples.size(); i++) {
            printRow(out, i);
        }
        out.printf("%nGrowth per hour (least-squares slope over minutes %.1f to %.1f), first and last value:%n",
                secondHalf.get(0).minutes(), secondHalf.get(secondHalf.size() - 1).minutes());
        growth().forEach((name, figure) -> out.printf("  %-52s %+12.2f   %10.2f -> %.2f%n", name, figure.get("perHour"),
                figure.get("first"), figure.get("last")));
        workPerMinute().forEach((name, perMinute) -> out.printf("  %-52s %12.0f%n", name, perMinute));
    }

    void printHeader(PrintStream out) {
        out.println("The first wall's page, and the service (every wall's figures are in latest.json):");
        out.printf("%6s %8s %6s %6s %6s %7s %8s %8s | %8s %7s %7s %6s %7s %7s%n", "min", "heap MB", "nodes", "detach", "listen",
                "timers", "layout/m", "style/m", "heap MB", "RSS MB", "threads", "files", "sockets", "viewers");
    }

    /** A sample's row; its layouts and style recalculations a minute are since the sample before. */
    void printRow(PrintStream out, int index) {
        SoakSample sample = samples.get(index);
        PageMetrics page = page(sample, 0);
        String layouts = "-";
        String styles = "-";
        if (index > 0) {
            SoakSample previous = samples.get(index - 1);
            double minutes = sample.minutes() - previous.minutes();
            layouts = String.format("%.0f", (page.layouts() - page(previous, 0).layouts()) / minutes);
            styles = String.format("%.0f", (page.styleRecalcs() - page(previous, 0).styleRecalcs()) / minutes);
        }
        SoakServiceSample service = sample.service();
        out.printf("%6.1f %8.2f %6d %6d %6d %7s %8s %8s | %8.1f %7.0f %7d %6d %7d %7d%n", sample.minutes(), page.jsHeapMb(), page.nodes(),
                page.detachedNodes(), page.listeners(), page.intervals() + "+" + page.timeouts(), layouts, styles,
                service.heapMb(), service.rssMb(), service.threads(), service.openFiles(), service.sockets(), service.viewers());
    }
}
