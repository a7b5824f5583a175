package io.exchangepulse.report;

import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.query.CounterQueries;
import io.exchangepulse.query.TaskForceYear;
import io.exchangepulse.query.YearlyTotals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;

/** Makes the annual report from the counters: the same queries as the API's, a year and the one before. */
@ApplicationScoped
public class AnnualReports {

    @Inject
    CounterQueries queries;

    public Uni<AnnualReport> of(int year) {
        return Uni.combine().all().unis(queries.yearlyTotals(), queries.crimeAreas(year), queries.crimeAreas(year - 1),
                        queries.taskForceYear(year), queries.taskForceYear(year - 1))
                .with((totals, crimeAreas, previousCrimeAreas, taskForces, previousTaskForces) -> new AnnualReport(year,
                        yearOf(totals, year), yearOf(totals, year - 1), crimeAreas, previousCrimeAreas,
                        Arrays.stream(TaskForce.values()).map(taskForce -> new AnnualReport.TaskForceActivity(taskForce,
                                taskForces.total(taskForce), previousTaskForces.total(taskForce),
                                monthsOf(taskForces, taskForce), monthsOf(previousTaskForces, taskForce))).toList(),
                        taskForces.monthsKept(), previousTaskForces.monthsKept()));
    }

    private static YearlyTotals yearOf(List<YearlyTotals> totals, int year) {
        return totals.stream().filter(row -> row.year() == year).findFirst().orElse(null);
    }

    private static long[] monthsOf(TaskForceYear year, TaskForce taskForce) {
        return year.monthsKept() ? year.months().get(taskForce) : null;
    }
}
