package io.exchangepulse.live;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells a lost delta that no later delta reveals (its partition went quiet after it): the positions stored
 * with the counters are ahead of the view's at two checks in a row, at the same place. Ahead once is a
 * delta on its way; ahead twice where nothing moved means none is coming.
 */
final class MissedDeltaCheck {

    private Map<Integer, Long> aheadAtLastCheck = Map.of();

    /** {@code stored}: what the counters include now; {@code known}: what the view includes. */
    boolean missed(Map<Integer, Long> stored, Map<Integer, Long> known) {
        Map<Integer, Long> ahead = new HashMap<>();
        stored.forEach((partition, next) -> {
            if (next > known.getOrDefault(partition, 0L)) {
                ahead.put(partition, next);
            }
        });
        boolean missed = ahead.entrySet().stream().anyMatch(e -> e.getValue().equals(aheadAtLastCheck.get(e.getKey())));
        aheadAtLastCheck = missed ? Map.of() : ahead;
        return missed;
    }
}
