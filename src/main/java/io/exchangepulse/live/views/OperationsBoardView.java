package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.operations.OperationView;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The operations board of the subscribed task forces, in the board's order: the rows of
 * {@code GET /api/v1/operations}. Few and rarely changed, so a delta carries the whole list again.
 */
@Singleton
public class OperationsBoardView implements LiveView<List<OperationView>> {

    @Override
    public String name() {
        return "operations";
    }

    @Override
    public Merge merge() {
        return Merge.whole();
    }

    @Override
    public boolean reads(CounterKey key, Horizon horizon) {
        return false;
    }

    @Override
    public List<OperationView> render(ViewInput input, Subscription subscription) {
        return input.operations().stream()
                .filter(o -> subscription.allTaskForces() || (o.taskForce() != null && subscription.covers(o.taskForce())))
                .toList();
    }

    @Override
    public Object snapshot(List<OperationView> state) {
        return state;
    }

    @Override
    public Optional<Object> changes(List<OperationView> before, List<OperationView> after) {
        return after.equals(before) ? Optional.empty() : Optional.of(after);
    }
}
