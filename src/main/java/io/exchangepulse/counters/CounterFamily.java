package io.exchangepulse.counters;

import io.exchangepulse.domain.Exchange;

import java.util.List;
import java.util.function.Function;

/**
 * The dimension sets counts are kept for, each in a table of its own (V1__counters.sql). Every family is
 * counted at every {@link io.exchangepulse.domain.Grain}.
 */
public enum CounterFamily {
    SCOPE_CHANNEL("scope_channel_count", List.of("scope", "channel"),
            e -> List.of(e.scope().name(), e.channel().name())),
    CRIME_AREA_KIND("crime_kind_count", List.of("crime_area", "kind"),
            e -> List.of(e.crimeArea().name(), e.kind().name())),
    TASK_FORCE("task_force_count", List.of("task_force"),
            e -> List.of(e.taskForce().name())),
    FLOW("flow_count", List.of("from_party", "to_party"),
            e -> List.of(e.from().name(), e.to().name()));

    private final String table;
    private final List<String> columns;
    private final Function<Exchange, List<String>> dimensions;

    CounterFamily(String table, List<String> columns, Function<Exchange, List<String>> dimensions) {
        this.table = table;
        this.columns = columns;
        this.dimensions = dimensions;
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    /** The exchange's values of this family's dimensions, in the order of {@link #columns()}. */
    public List<String> dimensionsOf(Exchange exchange) {
        return dimensions.apply(exchange);
    }
}
