package io.exchangepulse.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's figures drawn as SVG text: a line chart over categories (latency against viewers) and a bar
 * chart (ingest beside its limits). Plain SVG 1.1 with no script and no styles from outside, so that a browser
 * and a Markdown viewer show it as it is.
 */
final class Plots {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 250;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    private Plots() {
    }

    /** One line of a line chart: a value per category of the x axis (NaN: none there). */
    record Line(String name, double[] values, String colour, boolean dashed) {
    }

    /** One bar of a bar chart. */
    record Bar(String name, double value, String colour) {
    }

    /** Lines over the categories {@code xLabels}, on a y axis from zero. */
    static String lines(String title, String xTitle, String yTitle, List<String> xLabels, List<Line> lines) {
        double top = niceCeiling(lines.stream().flatMapToDouble(line -> Arrays.stream(line.values()))
                .filter(value -> !Double.isNaN(value)).max().orElse(1));
        StringBuilder svg = open(title);
        yAxis(svg, yTitle, top);
        double step = PLOT_WIDTH / (double) Math.max(1, xLabels.size());
        svg.append("<g class=\"x-axis\">");
        line(svg, LEFT, TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH, TOP + PLOT_HEIGHT);
        for (int i = 0; i < xLabels.size(); i++) {
            text(svg, x(i, step), TOP + PLOT_HEIGHT + 18, "middle", xLabels.get(i));
        }
        text(svg, LEFT + PLOT_WIDTH / 2.0, HEIGHT - 10, "middle", xTitle);
        svg.append("</g>\n");
        for (int n = 0; n < lines.size(); n++) {
            Line series = lines.get(n);
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < series.values().length; i++) {
                if (!Double.isNaN(series.values()[i])) {
                    String cx = format(x(i, step));
                    String cy = format(y(series.values()[i], top));
                    points.append(points.isEmpty() ? "" : " ").append(cx).append(',').append(cy);
                    dots.append("<circle cx=\"").append(cx).append("\" cy=\"").append(cy).append("\" r=\"3\" fill=\"")
                            .append(series.colour()).append("\"/>");
                }
            }
            String stroke = "stroke=\"" + series.colour() + "\" stroke-width=\"2\"" + (series.dashed() ? " stroke-dasharray=\"6,4\"" : "");
            svg.append("<g class=\"series\"><title>").append(escape(series.name())).append("</title>")
                    .append("<polyline fill=\"none\" ").append(stroke).append(" points=\"").append(points).append("\"/>").append(dots);
            svg.append("</g>\n");
            legend(svg, n, series.name(), stroke);
        }
        return close(svg);
    }

    /** Bars side by side, on a y axis from zero, each with its value written above it. */
    static String bars(String title, String yTitle, List<Bar> bars) {
        double top = niceCeiling(bars.stream().mapToDouble(Bar::value).filter(value -> !Double.isNaN(value)).max().orElse(1));
        StringBuilder svg = open(title);
        yAxis(svg, yTitle, top);
        double step = PLOT_WIDTH / (double) Math.max(1, bars.size());
        svg.append("<g class=\"x-axis\">");
        line(svg, LEFT, TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH, TOP + PLOT_HEIGHT);
        svg.append("</g>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double value = Double.isNaN(bar.value()) ? 0 : bar.value();
            double height = PLOT_HEIGHT * value / top;
            svg.append("<g class=\"bar\"><title>").append(escape(bar.name())).append("</title>")
                    .append("<rect x=\"").append(format(x(i, step) - step * 0.3)).append("\" y=\"").append(format(TOP + PLOT_HEIGHT - height))
                    .append("\" width=\"").append(format(step * 0.6)).append("\" height=\"").append(format(height))
                    .append("\" fill=\"").append(bar.colour()).append("\"/>");
            text(svg, x(i, step), TOP + PLOT_HEIGHT - height - 5, "middle", String.format(Locale.ROOT, "%,.0f", value));
            svg.append("</g>\n");
            legend(svg, i, bar.name(), "stroke=\"" + bar.colour() + "\" stroke-width=\"8\"");
        }
        return close(svg);
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
                + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2.0, 22, "middle", title);
        svg.append('\n');
        return svg;
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>\n").toString();
    }

    /** The y axis from zero to {@code top}, with five ticks and light grid lines. */
    private static void yAxis(StringBuilder svg, String yTitle, double top) {
        svg.append("<g class=\"y-axis\">");
        line(svg, LEFT, TOP, LEFT, TOP + PLOT_HEIGHT);
        for (int tick = 0; tick <= 5; tick++) {
            double value = top * tick / 5;
            double y = y(value, top);
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(format(y)).append("\" x2=\"").append(LEFT + PLOT_WIDTH)
                    .append("\" y2=\"").append(format(y)).append("\" stroke=\"#ddd\"/>");
            text(svg, LEFT - 6, y + 4, "end", String.format(Locale.ROOT, "%,.0f", value));
        }
        svg.append("<text x=\"16\" y=\"").append(format(TOP + PLOT_HEIGHT / 2.0)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                .append(format(TOP + PLOT_HEIGHT / 2.0)).append(")\">").append(escape(yTitle)).append("</text>");
        svg.append("</g>\n");
    }

    /** A legend entry: a short line drawn with the series' own stroke attributes, and its name. */
    private static void legend(StringBuilder svg, int index, String name, String stroke) {
        double y = TOP + 10 + index * 20;
        double x = LEFT + PLOT_WIDTH + 15;
        svg.append("<g class=\"legend\"><line x1=\"").append(format(x)).append("\" y1=\"").append(format(y)).append("\" x2=\"")
                .append(format(x + 24)).append("\" y2=\"").append(format(y)).append("\" ").append(stroke).append("/>");
        text(svg, x + 30, y + 4, "start", name);
        svg.append("</g>\n");
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2) {
        svg.append("<line x1=\"").append(format(x1)).append("\" y1=\"").append(format(y1)).append("\" x2=\"").append(format(x2))
                .append("\" y2=\"").append(format(y2)).append("\" stroke=\"black\"/>");
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append("<text x=\"").append(format(x)).append("\" y=\"").append(format(y)).append("\" text-anchor=\"").append(anchor)
                .append("\">").append(escape(text)).append("</text>");
    }

    private static double x(int category, double step) {
        return LEFT + step * (category + 0.5);
    }

    private static double y(double value, double top) {
        return TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top;
    }

    /** The smallest of 1, 2 or 5 times a power of ten at or above {@code value}: a round top for the y axis. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= value) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String format(double number) {
        return String.format(Locale.ROOT, "%.1f", number);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
