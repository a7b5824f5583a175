package io.exchangepulse.report;

import io.exchangepulse.identity.Role;
import io.exchangepulse.platform.Problem;
import io.exchangepulse.platform.TimeRange;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The annual report, as data for the report page and as CSV. It counts the whole center, so it is for
 * the roles that see the whole center.
 */
@Path("/api/v1/reports")
@Tag(name = "Reports")
@RolesAllowed({Role.WALL_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME})
public class ReportResource {

    static final String CSV = "text/csv";

    @Inject
    AnnualReports reports;

    @GET
    @Path("/{year: [0-9]{1,6}}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The annual report of a year",
            description = "The seed's two tables (exchanges by scope and channel; requests and information by crime area) and "
                    + "each task force's activity, by month where the year is kept by the day, beside the year before. For "
                    + "2006-2008, exactly the seed's figures.")
    public Uni<AnnualReport> report(@PathParam("year") int year) {
        return reports.of(TimeRange.year(year));
    }

    @GET
    @Path("/{year: [0-9]{1,6}}.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @Operation(summary = "The annual report of a year as CSV", description = "The same tables, one after the other, for a spreadsheet.")
    public Uni<Response> csv(@PathParam("year") int year) {
        return reports.of(TimeRange.year(year)).map(report -> Response.ok(ReportCsv.of(report), CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"exchange-pulse-report-" + year + ".csv\"")
                .build());
    }
}
