package io.exchangepulse.live.views;

import io.exchangepulse.counters.LiveRows;

import java.util.List;
import java.util.Optional;

/**
 * One view of the live protocol: what a panel of the dashboard shows, as a state per subscription, its
 * snapshot, and its delta. A view is a bean; adding one is a class implementing this (and a renderer on
 * the page), nothing else: the broadcaster, the protocol, the contract and the live copy of the counters
 * all go through this interface. The counter rows it reads it declares ({@link #rows()}); they must be
 * among those the families keep live ({@link io.exchangepulse.counters.CounterFamily}).
 *
 * @param <S> the state one subscription sees at one moment; two states are compared to make a delta
 */
public interface LiveView<S> {

    /** The view's name in the protocol and the contract ({@code yearly}, {@code trendMinutes}, ...). */
    String name();

    /** How the page applies this view's delta to its copy; published in the contract. */
    Merge merge();

    /**
     * The counter rows this view reads: each must lie inside rows a family keeps live (checked by {@link Views} as
     * the service starts), and the view reads them through these ({@link CounterTable#forEach}). None by default.
     */
    default List<LiveRows> rows() {
        return List.of();
    }

    /**
     * Whether the view can be narrowed to task forces. One that cannot (the whole center's yearly totals, its
     * flows between parties) is withheld from a task-force leader, who sees only its own task forces.
     */
    default boolean byTaskForce() {
        return true;
    }

    /** What {@code subscription} sees now (only its task forces where the view has that dimension). */
    S render(ViewInput input, Subscription subscription);

    /** The state in the shape the snapshot carries (the REST shape where there is one). */
    Object snapshot(S state);

    /** What a delta carries from {@code before} to {@code after}: absolute values of what changed; empty if nothing did. */
    Optional<Object> changes(S before, S after);

    @SuppressWarnings("unchecked")
    default Object snapshotOf(Object state) {
        return snapshot((S) state);
    }

    @SuppressWarnings("unchecked")
    default Optional<Object> changesOf(Object before, Object after) {
        return changes((S) before, (S) after);
    }
}
