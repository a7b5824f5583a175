package io.exchangepulse.report;

import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.query.CrimeAreaCount;
import io.exchangepulse.query.YearlyTotals;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The document the center publishes every year: the seed's two tables and each task force's activity, beside the year before. */
@RegisterForReflection
@Schema(description = "The annual report of one year, with the year before for comparison.")
public record AnnualReport(
        @Schema(description = "The year (UTC).", example = "2008") int year,
        @Schema(description = "Exchanges by scope and channel; null for a year without counts.", nullable = true,
                example = "{\"year\": 2008, \"membersDaily\": 8323, \"membersOperations\": 495, \"memberObserverDaily\": 378, \"total\": 9196}")
        YearlyTotals totals,
        @Schema(description = "The same for the year before; null for a year without counts.", nullable = true,
                example = "{\"year\": 2007, \"membersDaily\": 6561, \"membersOperations\": 532, \"memberObserverDaily\": 490, \"total\": 7583}")
        YearlyTotals previousTotals,
        @Schema(description = "Requests and information exchanges by crime area, every area, in the seed's order.")
        List<CrimeAreaCount> crimeAreas,
        @Schema(description = "The same for the year before.") List<CrimeAreaCount> previousCrimeAreas,
        @Schema(description = "Each task force's activity in the year and the year before.") List<TaskForceActivity> taskForces,
        @Schema(description = "Whether the year is kept by month (live years); history and archives are kept by the year only.",
                example = "false") boolean monthsKept,
        @Schema(description = "The same for the year before.", example = "false") boolean previousMonthsKept) {

    @RegisterForReflection
    @Schema(description = "One task force's exchanges in the year and the year before, by month where kept.")
    public record TaskForceActivity(
            @Schema(description = "The task force.", example = "DRUGS") TaskForce taskForce,
            @Schema(description = "Its exchanges in the year.", example = "1464") long total,
            @Schema(description = "Its exchanges in the year before.", example = "0") long previousTotal,
            @Schema(description = "Twelve counts from January; null where the year is not kept by month.", nullable = true,
                    example = "[120, 98, 130, 111, 125, 140, 90, 80, 150, 160, 130, 130]") long[] months,
            @Schema(description = "The same for the year before.", nullable = true,
                    example = "[110, 90, 100, 101, 120, 130, 95, 85, 140, 150, 120, 125]") long[] previousMonths) {
    }
}
