package io.exchangepulse.domain;

import java.util.List;

/** What reading one submitted item gave: the value, or every rule it breaks (never both). */
public record Reading<T>(T value, List<Violation> violations) {

    public static <T> Reading<T> valid(T value) {
        return new Reading<>(value, List.of());
    }

    public static <T> Reading<T> invalid(List<Violation> violations) {
        return new Reading<>(null, List.copyOf(violations));
    }

    public boolean isValid() {
        return violations.isEmpty();
    }
}
