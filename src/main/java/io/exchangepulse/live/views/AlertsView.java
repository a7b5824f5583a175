package io.exchangepulse.live.views;

import io.exchangepulse.alerts.Alert;
import jakarta.inject.Singleton;

import java.util.List;

/** The active alerts (src/docs/api.md, "Alerts"): the subscribed task forces' and the pipeline's, newest first. */
@Singleton
public class AlertsView extends WholeListView<Alert> {

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public List<Alert> render(ViewInput input, Subscription subscription) {
        return input.alerts().stream()
                .filter(alert -> subscription.allTaskForces() || alert.taskForce() == null || subscription.covers(alert.taskForce()))
                .toList();
    }
}
