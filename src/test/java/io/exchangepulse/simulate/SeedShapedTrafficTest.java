package io.exchangepulse.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.ExchangeReader;
import io.exchangepulse.domain.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A long deterministic run has the seed's shares, and its bursts look like Tara's. */
class SeedShapedTrafficTest {

    static final Instant START = Instant.parse("2008-01-01T00:00:00Z");
    static final ExchangeReader READER = new ExchangeReader();
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A year at the pace the rhythm gives, 300,000 exchanges. */
    static List<Exchange> year(long seed) {
        SeedShapedTraffic traffic = new SeedShapedTraffic(seed, START);
        List<Exchange> exchanges = new ArrayList<>();
        Duration step = Duration.ofSeconds(365L * 24 * 3600 / 300_000);
        double due = 0;
        for (Instant t = START; exchanges.size() < 300_000; t = t.plus(step)) {
            due += Rhythm.at(t);
            while (due >= 1) {
                due--;
                var reading = READER.read(MAPPER.valueToTree(traffic.next(t)));
                assertThat(reading.violations()).isEmpty();
                exchanges.add(reading.value());
            }
        }
        return exchanges;
    }

    @Test
    void theMixOfAYearMatchesTheSeedsSharesWithinTwoPercent() {
        List<Exchange> exchanges = year(42);
        double n = exchanges.size();

        double total2008 = 8323 + 495 + 378;
        assertThat(share(exchanges, e -> e.scope() == Scope.MEMBERS && e.channel().name().equals("DAILY")))
                .isCloseTo(8323 / total2008, within(0.02));
        assertThat(share(exchanges, e -> e.scope() == Scope.MEMBERS && e.channel().name().equals("OPERATION")))
                .isCloseTo(495 / total2008, within(0.02));
        assertThat(share(exchanges, e -> e.scope() == Scope.MEMBER_OBSERVER))
                .isCloseTo(378 / total2008, within(0.02));

        double crimeTotal = SeedShapedTraffic.CRIME_AREAS_2008.values().stream().mapToInt(c -> c[0] + c[1]).sum();
        Map<String, long[]> byArea = new HashMap<>();
        exchanges.forEach(e -> byArea.computeIfAbsent(e.crimeArea().name(), a -> new long[2])[e.kind().ordinal()]++);
        SeedShapedTraffic.CRIME_AREAS_2008.forEach((area, counts) -> {
            long[] seen = byArea.getOrDefault(area.name(), new long[2]);
            assertThat((seen[0] + seen[1]) / n).as(area + " share").isCloseTo((counts[0] + counts[1]) / crimeTotal, within(0.02));
            assertThat(seen[0] / n).as(area + " requests").isCloseTo(counts[0] / crimeTotal, within(0.02));
        });
    }

    @Test
    void theSameSeedGivesTheSameTrafficAndAnotherSeedOther() {
        var a = new SeedShapedTraffic(7, START);
        var b = new SeedShapedTraffic(7, START);
        var c = new SeedShapedTraffic(8, START);
        for (int i = 0; i < 1_000; i++) {
            Instant t = START.plusSeconds(i * 60L);
            var fromA = a.next(t);
            assertThat(fromA).isEqualTo(b.next(t));
            if (i == 999) {
                assertThat(fromA).isNotEqualTo(c.next(t));
            }
        }
    }

    @Test
    void operationExchangesBurstAmongTheOperationsCountries() {
        SeedShapedTraffic traffic = new SeedShapedTraffic(3, START);
        int inBurst = 0;
        int operationInBurst = 0;
        for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(60))); t = t.plusSeconds(30)) {
            String burst = traffic.burstAt(t);
            var exchange = traffic.next(t);
            if (burst != null) {
                inBurst++;
                if (burst.equals(exchange.get("operationId"))) {
                    operationInBurst++;
                }
            }
        }
        assertThat(inBurst).isPositive();
        assertThat((double) operationInBurst / inBurst).isGreaterThan(0.5);
    }

    @Test
    void theRhythmIsQuietAtNightAndOnWeekendsAndAveragesOne() {
        assertThat(Rhythm.at(Instant.parse("2026-11-25T08:00:00Z"))).isGreaterThan(Rhythm.at(Instant.parse("2026-11-25T01:00:00Z")) * 5);
        assertThat(Rhythm.at(Instant.parse("2026-11-28T08:00:00Z"))).isLessThan(Rhythm.at(Instant.parse("2026-11-25T08:00:00Z")));
        double week = 0;
        for (int hour = 0; hour < 7 * 24; hour++) {
            week += Rhythm.at(Instant.parse("2026-11-23T00:30:00Z").plus(Duration.ofHours(hour)));
        }
        assertThat(week / (7 * 24)).isCloseTo(1.0, within(0.01));
    }

    static double share(List<Exchange> exchanges, java.util.function.Predicate<Exchange> which) {
        return exchanges.stream().filter(which).count() / (double) exchanges.size();
    }
}
