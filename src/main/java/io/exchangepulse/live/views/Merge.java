package io.exchangepulse.live.views;

import java.util.List;

/**
 * How the page applies a view's delta to what it holds, so that the page needs no code per view to stay
 * current: {@code rows} replaces the rows with the same {@code key} (new keys are added), {@code matrix}
 * sets the {@code value} field of the rows keyed by its two {@code key} fields from a delta of the form
 * {@code {first: {second: value}}} (new keys are added), {@code fields} overwrites the fields it names,
 * {@code trend} moves the window and sets the points, {@code whole} replaces the value. Published in the
 * contract, beside the view's name.
 */
public record Merge(String merge, List<String> key, String step, String value) {

    public static Merge rows(String... key) {
        return new Merge("rows", List.of(key), null, null);
    }

    /** Rows that are one number per ordered pair: a delta names each changed pair once, with no field names. */
    public static Merge matrix(String first, String second, String value) {
        return new Merge("matrix", List.of(first, second), null, value);
    }

    public static Merge fields() {
        return new Merge("fields", null, null, null);
    }

    public static Merge trend(String step) {
        return new Merge("trend", null, step, null);
    }

    public static Merge whole() {
        return new Merge("whole", null, null, null);
    }
}
