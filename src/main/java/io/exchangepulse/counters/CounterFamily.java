package io.exchangepulse.counters;

import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.Grain;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The counters, declared once: each family's table, its dimensions, the grains it is counted at, and the
 * rows of each grain that are live. Everything else is derived from here: the tables and their partitions
 * ({@code CounterTables}), how long each grain is kept ({@link CounterRetention}), the live copy's snapshot
 * and horizon, and the rows a delta carries. A family is counted at each of its grains; each grain's rows are
 * kept for its retention, in partitions of the grain's {@link Grain#partitionSpan()} dropped whole.
 */
public enum CounterFamily {
    SCOPE_CHANNEL("scope_channel_count", List.of("scope", "channel"),
            e -> List.of(e.scope().name(), e.channel().name()),
            Map.of(Grain.YEAR, LiveWindow.ALL)),
    CRIME_AREA_KIND("crime_kind_count", List.of("crime_area", "kind"),
            e -> List.of(e.crimeArea().name(), e.kind().name()),
            Map.of(Grain.YEAR, LiveWindow.SINCE_LAST_YEAR)),
    TASK_FORCE("task_force_count", List.of("task_force"),
            e -> List.of(e.taskForce().name()),
            Map.of(Grain.YEAR, LiveWindow.ALL, Grain.DAY, LiveWindow.SINCE_LAST_YEAR, Grain.MINUTE, LiveWindow.LAST_MINUTES)),
    FLOW("flow_count", List.of("from_party", "to_party"),
            e -> List.of(e.from().name(), e.to().name()),
            Map.of(Grain.DAY, LiveWindow.TODAY));

    private final String table;
    private final List<String> columns;
    private final Function<Exchange, List<String>> dimensions;
    private final Set<Grain> grains = EnumSet.allOf(Grain.class);
    private final Map<Grain, LiveWindow> live;

    CounterFamily(String table, List<String> columns, Function<Exchange, List<String>> dimensions, Map<Grain, LiveWindow> live) {
        this.table = table;
        this.columns = columns;
        this.dimensions = dimensions;
        this.live = new EnumMap<>(live);
    }

    public String table() {
        return table;
    }

    /** The partition of the family's table that holds one grain (itself partitioned by bucket time). */
    public String table(Grain grain) {
        return table + "_" + grain.name().toLowerCase(Locale.ROOT);
    }

    public List<String> columns() {
        return columns;
    }

    /** The grains the family is counted at (all of them: the queries cover ranges with days, hours and minutes). */
    public Set<Grain> grains() {
        return grains;
    }

    /** The exchange's values of this family's dimensions, in the order of {@link #columns()}. */
    public List<String> dimensionsOf(Exchange exchange) {
        return dimensions.apply(exchange);
    }

    /** The window of the grain's rows that is live, or null if none is. */
    public LiveWindow liveWindow(Grain grain) {
        return live.get(grain);
    }

    /** The family's live rows, a set per grain. */
    public List<LiveRows> live() {
        return live.entrySet().stream().map(e -> new LiveRows(this, e.getKey(), e.getValue())).toList();
    }

    /** Every family's live rows: what the live copy loads and keeps, and what a delta carries. */
    public static List<LiveRows> allLive() {
        return Arrays.stream(values()).flatMap(family -> family.live().stream()).toList();
    }
}
