package io.exchangepulse.live;

import java.util.Arrays;
import java.util.Optional;

/** The views a viewer can follow, by their names in the protocol. */
enum View {
    YEARLY("yearly"),
    CRIME_AREAS("crimeAreas"),
    TOTALS("totals"),
    TREND_MINUTES("trendMinutes"),
    TREND_DAYS("trendDays"),
    FLOWS("flows"),
    OPERATIONS("operations");

    private final String key;

    View(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static Optional<View> byKey(String key) {
        return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
    }
}
