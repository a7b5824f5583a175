package io.exchangepulse.live.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The delta of a view made of keyed rows ({@link Merge#rows}): the rows that differ, whole. */
final class Changes {

    private Changes() {
    }

    static <K, V> Optional<Object> changedRows(Map<K, V> before, Map<K, V> after) {
        List<V> changed = new ArrayList<>();
        after.forEach((key, row) -> {
            if (!Objects.equals(before.get(key), row)) {
                changed.add(row);
            }
        });
        return changed.isEmpty() ? Optional.empty() : Optional.of(changed);
    }
}
