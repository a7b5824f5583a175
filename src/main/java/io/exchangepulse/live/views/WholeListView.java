package io.exchangepulse.live.views;

import java.util.List;
import java.util.Optional;

/**
 * A view that is a short list read from outside the counters (the operations board, the alerts): few rows,
 * rarely changed, so a delta carries the whole list again.
 */
abstract class WholeListView<T> implements LiveView<List<T>> {

    @Override
    public Merge merge() {
        return Merge.whole();
    }

    @Override
    public Object snapshot(List<T> state) {
        return state;
    }

    @Override
    public Optional<Object> changes(List<T> before, List<T> after) {
        return after.equals(before) ? Optional.empty() : Optional.of(after);
    }
}
