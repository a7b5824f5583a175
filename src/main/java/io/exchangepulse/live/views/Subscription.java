package io.exchangepulse.live.views;

import io.exchangepulse.domain.TaskForce;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * What one viewer follows: which views, which task forces (all when empty), and how far back the trends
 * go. Kept sorted, so that equal subscriptions are equal and share the work of each tick; written as it is
 * into every snapshot, so the page knows what it was sent.
 */
@RegisterForReflection
public record Subscription(List<String> views, List<TaskForce> taskForces, int minutes, int days) {

    /** The trend lengths a subscription can ask for, the wall's first: a few, so that viewers share work. */
    public static final List<Integer> MINUTES = List.of(60, 180);
    public static final List<Integer> DAYS = List.of(30, 90);

    public Subscription {
        views = views.stream().distinct().sorted().toList();
        taskForces = taskForces.stream().distinct().sorted().toList();
    }

    public boolean follows(String view) {
        return views.contains(view);
    }

    public boolean covers(TaskForce taskForce) {
        return taskForces.isEmpty() || taskForces.contains(taskForce);
    }

    public boolean allTaskForces() {
        return taskForces.isEmpty();
    }
}
