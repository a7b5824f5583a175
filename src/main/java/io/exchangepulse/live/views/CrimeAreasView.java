package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.LiveRows;
import io.exchangepulse.counters.LiveWindow;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.ExchangeKind;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.query.CrimeAreaCount;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requests and information per crime area this year: the rows of {@code GET /api/v1/crime-areas}, only the
 * subscribed task forces' areas.
 */
@Singleton
public class CrimeAreasView implements LiveView<Map<CrimeArea, CrimeAreaCount>> {

    @Override
    public String name() {
        return "crimeAreas";
    }

    @Override
    public Merge merge() {
        return Merge.rows("crimeArea");
    }

    /** Years before last cannot be this year; last year's row stays until it is evicted. */
    private static final LiveRows YEARS = new LiveRows(CounterFamily.CRIME_AREA_KIND, Grain.YEAR, LiveWindow.SINCE_LAST_YEAR);

    @Override
    public List<LiveRows> rows() {
        return List.of(YEARS);
    }

    @Override
    public Map<CrimeArea, CrimeAreaCount> render(ViewInput input, Subscription subscription) {
        long thisYear = input.epochSecond(input.today().withDayOfYear(1));
        Map<CrimeArea, long[]> counts = new EnumMap<>(CrimeArea.class);
        input.counters().forEach(YEARS, (key, count) -> {
            CrimeArea area = CrimeArea.valueOf(key.dimensions().get(0));
            if (key.bucket() == thisYear && subscription.covers(area.taskForce())) {
                counts.computeIfAbsent(area, a -> new long[2])[ExchangeKind.valueOf(key.dimensions().get(1)).ordinal()] += count;
            }
        });
        Map<CrimeArea, CrimeAreaCount> rows = new LinkedHashMap<>();
        for (CrimeAreaCount row : CrimeAreaCount.table(counts)) {
            if (subscription.covers(row.taskForce())) {
                rows.put(row.crimeArea(), row);
            }
        }
        return rows;
    }

    @Override
    public Object snapshot(Map<CrimeArea, CrimeAreaCount> state) {
        return List.copyOf(state.values());
    }

    @Override
    public Optional<Object> changes(Map<CrimeArea, CrimeAreaCount> before, Map<CrimeArea, CrimeAreaCount> after) {
        return Changes.changedRows(before, after);
    }
}
