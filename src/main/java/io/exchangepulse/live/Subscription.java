package io.exchangepulse.live;

import io.exchangepulse.domain.TaskForce;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one viewer follows: which views, which task forces (all when empty), and how far back the
 * trends go. Equal subscriptions share the work of each tick.
 */
record Subscription(Set<View> views, Set<TaskForce> taskForces, int minutes, int days) {

    static final Subscription WALL = new Subscription(EnumSet.allOf(View.class), EnumSet.noneOf(TaskForce.class), 60, 30);

    Subscription {
        views = Set.copyOf(views);
        taskForces = Set.copyOf(taskForces);
    }

    boolean follows(View view) {
        return views.contains(view);
    }

    boolean covers(TaskForce taskForce) {
        return taskForces.isEmpty() || taskForces.contains(taskForce);
    }

    boolean allTaskForces() {
        return taskForces.isEmpty();
    }
}
