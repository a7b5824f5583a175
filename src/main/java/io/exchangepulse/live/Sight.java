package io.exchangepulse.live;

import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.identity.Caller;
import io.exchangepulse.live.views.LiveView;
import io.exchangepulse.live.views.Subscription;
import io.exchangepulse.live.views.Views;

import java.util.List;
import java.util.Set;

/**
 * What a caller may follow on /live: every view and task force for the whole center's viewers; for a
 * task-force leader its own task forces, in the views that can be narrowed to them. Subscriptions are
 * clamped to this by the server, whatever the page asks.
 */
public record Sight(boolean wholeCenter, List<String> views, Set<TaskForce> taskForces) {

    public static Sight of(Caller caller, Views views) {
        boolean wholeCenter = caller.seesWholeCenter();
        return new Sight(wholeCenter,
                views.all().stream().filter(view -> wholeCenter || view.byTaskForce()).map(LiveView::name).toList(),
                caller.visibleTaskForces());
    }

    /** A leader whose token names no task force sees nothing at all. */
    public boolean blind() {
        return taskForces.isEmpty();
    }

    /** What a viewer follows until it subscribes: all it may see, the short trends. */
    public Subscription first() {
        return new Subscription(views, ownTaskForces(), Subscription.MINUTES.get(0), Subscription.DAYS.get(0));
    }

    /** The task forces of a subscription that names none: all (an empty list) for the whole center, else its own. */
    List<TaskForce> ownTaskForces() {
        return wholeCenter ? List.of() : List.copyOf(taskForces);
    }
}
