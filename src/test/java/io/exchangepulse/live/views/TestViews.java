package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.domain.Grain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The views as the container makes them, and counter tables made of plain maps, for tests without a container. */
public final class TestViews {

    private TestViews() {
    }

    public static Views all() {
        return new Views(List.of(new YearlyView(), new CrimeAreasView(), new TotalsView(), new TrendMinutesView(),
                new TrendDaysView(), new FlowsView(), new OperationsBoardView(), new AlertsView()));
    }

    public static CounterTable table(Map<CounterKey, Long> rows) {
        return (live, row) -> rows.forEach((key, count) -> {
            if (key.family() == live.family() && key.grain() == live.grain()) {
                row.accept(key, count);
            }
        });
    }

    public static CounterKey key(CounterFamily family, Grain grain, Instant bucket, String... dimensions) {
        return new CounterKey(family, grain, bucket.getEpochSecond(), List.of(dimensions));
    }
}
