package io.exchangepulse.live.views;

import io.exchangepulse.operations.OperationView;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The operations board of the subscribed task forces, in the board's order: per task force its latest open
 * operations and its last closed ones (bounded, {@code OperationBoard.current}). Few and rarely changed, so a delta
 * carries the whole list again.
 */
@Singleton
public class OperationsBoardView extends WholeListView<OperationView> {

    @Override
    public String name() {
        return "operations";
    }

    @Override
    public List<OperationView> render(ViewInput input, Subscription subscription) {
        return input.operations().stream()
                .filter(o -> subscription.allTaskForces() || (o.taskForce() != null && subscription.covers(o.taskForce())))
                .toList();
    }
}
