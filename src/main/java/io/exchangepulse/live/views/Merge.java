package io.exchangepulse.live.views;

import java.util.List;

/**
 * How the page applies a view's delta to what it holds, so that the page needs no code per view to stay
 * current: {@code rows} replaces the rows with the same {@code key} (new keys are added), {@code fields}
 * overwrites the fields it names, {@code trend} moves the window and sets the points, {@code whole} replaces
 * the value. Published in the contract, beside the view's name.
 */
public record Merge(String merge, List<String> key, String step) {

    public static Merge rows(String... key) {
        return new Merge("rows", List.of(key), null);
    }

    public static Merge fields() {
        return new Merge("fields", null, null);
    }

    public static Merge trend(String step) {
        return new Merge("trend", null, step);
    }

    public static Merge whole() {
        return new Merge("whole", null, null);
    }
}
