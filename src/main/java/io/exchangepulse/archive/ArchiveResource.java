package io.exchangepulse.archive;

import io.exchangepulse.aggregate.DeltaPublisher;
import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.identity.Role;
import io.exchangepulse.platform.CenterClock;
import io.exchangepulse.platform.Problem;
import io.exchangepulse.platform.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/**
 * The one way a closed year changes: an administrator imports its totals from an archive. Never the live
 * ingest, which refuses closed years.
 */
@Path("/api/v1/archive")
@Tag(name = "Archive")
public class ArchiveResource {

    @Inject
    ArchiveRepository archive;

    @Inject
    DeltaPublisher deltas;

    @Inject
    CenterClock clock;

    @PUT
    @RolesAllowed(Role.ADMIN_NAME)
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Import a closed year's totals from an archive",
            description = "Writes the year's yearly counters (replacing an earlier import of the same year). Refused for "
                    + "the current year and later, and for a year the seed or live counting wrote.")
    public Uni<Response> importYear(@PathParam("year") int year, ArchivedYear totals) {
        int current = LocalDate.now(clock).getYear();
        if (year < 1900 || year >= current) {
            throw new ProblemException(Problem.of("not-a-closed-year", "Not a closed year", 400,
                    "an archive holds a closed year, from 1900 to " + (current - 1) + ", not " + year));
        }
        if (totals == null || negative(totals)) {
            throw new ProblemException(Problem.of("invalid-archive", "Invalid archive", 400,
                    "the totals are required, and none may be negative"));
        }
        return archive.replace(year, totals).map(outcome -> {
            if (outcome == ArchiveRepository.Outcome.COUNTED_YEAR) {
                throw new ProblemException(Problem.of("counted-year", "Counted year", 409,
                        year + " holds counts of its own (the seed's, or live counting's); an archive never replaces them"));
            }
            deltas.publish(CountsDelta.reloadAll());
            return Response.noContent().build();
        });
    }

    private static boolean negative(ArchivedYear totals) {
        List<ArchivedYear.CrimeAreaRow> areas = totals.crimeAreas() == null ? List.of() : totals.crimeAreas();
        return totals.membersDaily() < 0 || totals.membersOperations() < 0 || totals.memberObserverDaily() < 0
                || totals.memberObserverOperations() < 0
                || areas.stream().anyMatch(a -> a.crimeArea() == null || a.requests() < 0 || a.information() < 0);
    }
}
