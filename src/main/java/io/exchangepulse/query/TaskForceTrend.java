package io.exchangepulse.query;

import io.exchangepulse.domain.TaskForce;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Counts per task force per step over a range: the seed's "Trends on Task-Forces Activity". */
@RegisterForReflection
@Schema(description = "Exchanges per task force per step; counts[i] is the i-th step from from: minutes and hours are fixed, a P1D step is a center day (23 to 25 hours).")
public record TaskForceTrend(
        @Schema(description = "Start of the first step (inclusive), aligned to the step.", example = "2026-11-28T08:00:00Z")
        Instant from,
        @Schema(description = "End of the last step (exclusive).", example = "2026-11-28T09:00:00Z") Instant to,
        @Schema(description = "The step (ISO-8601 duration): PT1M, PT1H or P1D.", example = "PT1M")
        String step,
        @Schema(description = "One series per task force.") List<Series> series) {

    /** The trend over {@code grid}, a series per task force in the map's order. */
    public static TaskForceTrend of(TrendGrid grid, Map<TaskForce, long[]> counts) {
        return new TaskForceTrend(grid.from(), grid.to(), grid.grain().step().orElseThrow().toString(), counts.entrySet().stream()
                .map(e -> new Series(e.getKey(), e.getValue(), Arrays.stream(e.getValue()).sum()))
                .toList());
    }

    @RegisterForReflection
    @Schema(name = "TaskForceSeries", description = "One task force's counts, a number per step.")
    public record Series(
            @Schema(description = "The task force.", example = "DRUGS") TaskForce taskForce,
            @Schema(description = "Exchanges per step, oldest first.", example = "[0, 3, 5, 2]") long[] counts,
            @Schema(description = "The sum of counts.", example = "10") long total) {
    }
}
