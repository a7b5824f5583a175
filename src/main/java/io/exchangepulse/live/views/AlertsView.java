package io.exchangepulse.live.views;

import io.exchangepulse.alerts.Alert;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.Horizon;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The active alerts (README, "Alerts"): the subscribed task forces' and the pipeline's, newest first. */
@Singleton
public class AlertsView implements LiveView<List<Alert>> {

    @Override
    public String name() {
        return "alerts";
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
    public List<Alert> render(ViewInput input, Subscription subscription) {
        return input.alerts().stream()
                .filter(alert -> subscription.allTaskForces() || alert.taskForce() == null || subscription.covers(alert.taskForce()))
                .toList();
    }

    @Override
    public Object snapshot(List<Alert> state) {
        return state;
    }

    @Override
    public Optional<Object> changes(List<Alert> before, List<Alert> after) {
        return after.equals(before) ? Optional.empty() : Optional.of(after);
    }
}
