package io.exchangepulse.live.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** The deltas of views made of keyed rows: the rows that differ, whole ({@link Merge#rows}) or as cells ({@link Merge#matrix}). */
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

    /**
     * The rows that differ as {@code {first: {second: value}}}: each changed number once under its two keys, so a
     * delta carries no field names and each first key once, however many of its rows changed.
     */
    static <K, V> Optional<Object> changedCells(Map<K, V> before, Map<K, V> after, Function<V, String> first,
                                                Function<V, String> second, ToLongFunction<V> value) {
        Map<String, Map<String, Long>> changed = new TreeMap<>();
        after.forEach((key, row) -> {
            if (!Objects.equals(before.get(key), row)) {
                changed.computeIfAbsent(first.apply(row), k -> new TreeMap<>()).put(second.apply(row), value.applyAsLong(row));
            }
        });
        return changed.isEmpty() ? Optional.empty() : Optional.of(changed);
    }
}
