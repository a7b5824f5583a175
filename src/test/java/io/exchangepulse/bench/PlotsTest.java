package io.exchangepulse.bench;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The benchmark's pictures are well-formed SVG with their axes, a series per line or bar, and their names. */
class PlotsTest {

    @Test
    void aLineChartHasBothAxesAndAPolylinePerSeriesWithAPointPerValue() throws Exception {
        Document svg = parse(Plots.lines("Event-to-screen p99 & p50", "viewers", "ms", List.of("300", "1,000", "3,000"), List.of(
                new Plots.Line("p99 at 1,000/s", new double[] {40, 55, 120}, "#1f77b4", false),
                new Plots.Line("p50 at 1,000/s", new double[] {20, Double.NaN, 60}, "#1f77b4", true),
                new Plots.Line("raw fan-out p99 <b>", new double[] {4, 11, 23}, "#999999", false))));

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(groups(svg, "x-axis")).hasSize(1);
        assertThat(groups(svg, "y-axis")).hasSize(1);
        List<Element> series = groups(svg, "series");
        assertThat(series).extracting(group -> group.getElementsByTagName("title").item(0).getTextContent())
                .containsExactly("p99 at 1,000/s", "p50 at 1,000/s", "raw fan-out p99 <b>");
        assertThat(series).extracting(group -> group.getElementsByTagName("circle").getLength()).containsExactly(3, 2, 3);
        Element dashed = (Element) series.get(1).getElementsByTagName("polyline").item(0);
        assertThat(dashed.getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(texts(svg)).contains("300", "1,000", "3,000", "viewers", "ms", "Event-to-screen p99 & p50");
        // The y axis is rounded up past the largest value (120 -> 200), so no point leaves the plot.
        assertThat(texts(svg)).contains("200").doesNotContain("240");
    }

    @Test
    void aBarChartHasABarPerFigureWithItsValueAndNoBarForAMissingOne() throws Exception {
        Document svg = parse(Plots.bars("Counted ingest beside its limits", "exchanges/s", List.of(
                new Plots.Bar("counted, Kafka", 27_200, "#1f77b4"),
                new Plots.Bar("raw Kafka", 419_000, "#999999"),
                new Plots.Bar("raw PostgreSQL COPY", Double.NaN, "#bbbbbb"))));

        assertThat(groups(svg, "y-axis")).hasSize(1);
        List<Element> bars = groups(svg, "bar");
        assertThat(bars).hasSize(3);
        List<Double> heights = new ArrayList<>();
        for (Element bar : bars) {
            heights.add(Double.parseDouble(((Element) bar.getElementsByTagName("rect").item(0)).getAttribute("height")));
        }
        assertThat(heights.get(1)).isGreaterThan(heights.get(0) * 10);
        assertThat(heights.get(2)).isZero();
        assertThat(texts(svg)).contains("27,200", "419,000", "raw PostgreSQL COPY", "500,000");
    }

    @Test
    void theYAxisEndsAtOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Plots.niceCeiling(120)).isEqualTo(200);
        assertThat(Plots.niceCeiling(419_000)).isEqualTo(500_000);
        assertThat(Plots.niceCeiling(1000)).isEqualTo(1000);
        assertThat(Plots.niceCeiling(0.03)).isCloseTo(0.05, within(1e-12));
        assertThat(Plots.niceCeiling(0)).isEqualTo(1);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> groups(Document svg, String type) {
        List<Element> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("g");
        for (int i = 0; i < all.getLength(); i++) {
            Element group = (Element) all.item(i);
            if (group.getAttribute("class").equals(type)) {
                found.add(group);
            }
        }
        return found;
    }

    private static List<String> texts(Document svg) {
        List<String> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("text");
        for (int i = 0; i < all.getLength(); i++) {
            found.add(all.item(i).getTextContent());
        }
        return found;
    }
}
