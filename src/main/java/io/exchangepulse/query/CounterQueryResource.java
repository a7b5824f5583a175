package io.exchangepulse.query;

import io.exchangepulse.counters.CounterRetention;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.identity.Caller;
import io.exchangepulse.identity.CurrentCaller;
import io.exchangepulse.identity.Role;
import io.exchangepulse.platform.CenterClock;
import io.exchangepulse.platform.Problem;
import io.exchangepulse.platform.ProblemException;
import io.exchangepulse.platform.TimeRange;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The read API (src/docs/api.md, "Queries"): the seed's tables with live counts, task-force trends and flows. */
@Path("/api/v1")
@Tag(name = "Queries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.WALL_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME, Role.TASK_FORCE_LEADER_NAME})
public class CounterQueryResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CounterQueries queries;

    @Inject
    CenterClock clock;

    @Inject
    CounterRetention retention;

    @ConfigProperty(name = "exchangepulse.query.max-points", defaultValue = "10000")
    int maxPoints;

    @ConfigProperty(name = "exchangepulse.query.max-flow-range", defaultValue = "P400D")
    Duration maxFlowRange;

    @GET
    @Path("/totals/yearly")
    @Operation(summary = "Total exchanges per year",
            description = "The seed's \"Total exchanges\" table, one row a year: 2006-2008 from the seed, later years live.")
    public Uni<List<YearlyTotals>> yearly() {
        wholeCenterOnly(currentCaller.get(), "the yearly table");
        return queries.yearlyTotals();
    }

    @GET
    @Path("/crime-areas")
    @Operation(summary = "Requests and information exchanges by crime area",
            description = "The seed's 2008 table for any year; every crime area is present, zeros included.")
    public Uni<List<CrimeAreaCount>> crimeAreas(
            @Parameter(description = "The center's year; this year if absent.", example = "2008") @QueryParam("year") Integer year) {
        Caller caller = currentCaller.get();
        int chosen = TimeRange.year(year == null ? clock.calendar().yearOf(clock.instant()) : year);
        return queries.crimeAreas(chosen).map(rows -> rows.stream().filter(row -> caller.maySee(row.taskForce())).toList());
    }

    @GET
    @Path("/task-forces/trend")
    @Operation(summary = "Task-force activity over time",
            description = "Exchanges per task force per step. Defaults: step PT1M, to now, from 60 steps before to.")
    public Uni<TaskForceTrend> trend(
            @Parameter(description = "Start (ISO-8601 instant), rounded down to the step.", example = "2026-11-28T08:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "End (ISO-8601 instant, exclusive), rounded up to the step.", example = "2026-11-28T09:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "PT1M, PT1H or P1D.", example = "PT1M") @QueryParam("step") String step,
            @Parameter(description = "Only these task forces (repeat the parameter); all if absent.", example = "DRUGS")
            @QueryParam("taskForce") List<TaskForce> taskForces) {
        Duration length = TimeRange.duration("step", step, Duration.ofMinutes(1));
        Grain grain = Grain.ofStep(length)
                .orElseThrow(() -> ProblemException.invalidQuery("step must be PT1M, PT1H or P1D, not '" + step + "'"));
        CenterCalendar calendar = clock.calendar();
        Instant end = roundUp(calendar, grain, TimeRange.instant("to", to, clock.instant()));
        Instant start = calendar.bucketOf(grain, TimeRange.instant("from", from, end.minus(length.multipliedBy(60))));
        if (!start.isBefore(end)) {
            throw ProblemException.invalidQuery("from must be before to");
        }
        // Days are 23 to 25 hours: the nominal count bounds the work of walking the calendar, the grid decides.
        TrendGrid grid = Duration.between(start, end).dividedBy(length) > maxPoints + 1 ? null : TrendGrid.between(calendar, grain, start, end);
        if (grid == null || grid.length() > maxPoints) {
            throw ProblemException.invalidQuery("the range holds more than " + maxPoints + " steps; take a longer step or a shorter range");
        }
        retention.refusal(grain, start, clock.instant()).ifPresent(refusal -> {
            throw ProblemException.invalidQuery(refusal + "; ask from then on, or with a coarser step");
        });
        Caller caller = currentCaller.get();
        Set<TaskForce> chosen = taskForces == null || taskForces.isEmpty() ? caller.visibleTaskForces() : EnumSet.copyOf(taskForces);
        chosen.forEach(caller::requireSight);
        return queries.trend(grain, grid, chosen);
    }

    @GET
    @Path("/flows")
    @Operation(summary = "Exchanges per ordered pair of parties",
            description = "The intelligence flow: how many exchanges each party sent to each other party over the range, "
                    + "largest first. Defaults: from the start of the center's today to now; both rounded to whole minutes.")
    public Uni<List<Flow>> flows(
            @Parameter(description = "Start (ISO-8601 instant).", example = "2026-11-28T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "End (ISO-8601 instant, exclusive).", example = "2026-11-29T00:00:00Z") @QueryParam("to") String to) {
        Instant now = clock.instant();
        CenterCalendar calendar = clock.calendar();
        Instant end = roundUp(calendar, Grain.MINUTE, TimeRange.instant("to", to, now));
        Instant start = calendar.bucketOf(Grain.MINUTE, TimeRange.instant("from", from, calendar.bucketOf(Grain.DAY, now)));
        if (!start.isBefore(end)) {
            throw ProblemException.invalidQuery("from must be before to");
        }
        wholeCenterOnly(currentCaller.get(), "the flows");
        if (Duration.between(start, end).compareTo(maxFlowRange) > 0) {
            throw ProblemException.invalidQuery("the range is longer than " + maxFlowRange.toDays() + " days; take a shorter one");
        }
        for (BucketCover.Segment segment : BucketCover.of(calendar, start, end)) {
            retention.refusal(segment.grain(), segment.from(), now).ifPresent(refusal -> {
                throw ProblemException.invalidQuery("the range begins or ends inside a " + segment.grain().name().toLowerCase(Locale.ROOT)
                        + " no longer kept: " + refusal + "; ask from then on, or for whole days (from and to at the center's midnight)");
            });
        }
        return queries.flows(start, end);
    }

    /** What has no task-force dimension is the whole center's, which a task-force leader does not see. */
    private static void wholeCenterOnly(Caller caller, String what) {
        if (!caller.seesWholeCenter()) {
            throw new ProblemException(Problem.of("whole-center-only", "The whole center's", 403,
                    what + " counts the whole center, with no task-force dimension; a task-force leader sees only its task forces"));
        }
    }

    private static Instant roundUp(CenterCalendar calendar, Grain grain, Instant instant) {
        Instant bucket = calendar.bucketOf(grain, instant);
        return bucket.equals(instant) ? instant : calendar.next(grain, bucket);
    }
}
