package io.exchangepulse.live;

import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.query.TaskForceTrend;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/** A task-force trend as a view holds it: a window of steps and, per task force, a count per step. */
record TrendWindow(Instant from, Instant to, Duration step, Map<TaskForce, long[]> counts) {

    long at(TaskForce taskForce, Instant t) {
        long[] series = counts.get(taskForce);
        if (series == null || t.isBefore(from) || !t.isBefore(to)) {
            return 0;
        }
        return series[(int) (Duration.between(from, t).toMillis() / step.toMillis())];
    }

    TaskForceTrend asTrend() {
        return new TaskForceTrend(from, to, step.toString(), counts.entrySet().stream()
                .map(e -> new TaskForceTrend.Series(e.getKey(), e.getValue(), Arrays.stream(e.getValue()).sum()))
                .toList());
    }
}
