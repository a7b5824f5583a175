package io.exchangepulse.live.views;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one subscription shows at one moment, a state per followed view, on one of the center's days (a new day is
 * a new snapshot, never a delta).
 */
public record ViewStates(LocalDate date, Map<LiveView<?>, Object> states) {

    /** Every followed view in the snapshot's shape, by name. */
    public Map<String, Object> snapshot() {
        Map<String, Object> views = new LinkedHashMap<>();
        states.forEach((view, state) -> views.put(view.name(), view.snapshotOf(state)));
        return views;
    }

    /** What changed since {@code before}, of the same subscription, by view name; empty when nothing did. */
    public Map<String, Object> changesSince(ViewStates before) {
        Map<String, Object> changes = new LinkedHashMap<>();
        states.forEach((view, state) -> view.changesOf(before.states().get(view), state)
                .ifPresent(change -> changes.put(view.name(), change)));
        return changes;
    }
}
