package io.exchangepulse.audit;

import io.exchangepulse.identity.Role;
import io.exchangepulse.platform.ProblemException;
import io.exchangepulse.platform.TimeRange;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit trail, for administrators only, newest first, a page at a time. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AuditResource {

    static final int MAX_LIMIT = 500;

    /** A page of the trail. */
    @RegisterForReflection
    @Schema(name = "AuditPage", description = "A page of the audit trail, newest first.")
    public record Page(
            @Schema(description = "The entries of this page.") List<AuditEvent> events,
            @Schema(description = "The address of the next (older) page; absent on the last.",
                    example = "/api/v1/audit?limit=100&before=4611") String next) {
    }

    @Inject
    AuditRepository repository;

    @GET
    @Operation(summary = "The audit trail", description = "Who did or read what, when, from where, and the outcome, newest "
            + "first; filtered by who, action and time. Follow next for older entries.")
    public Uni<Page> page(
            @Parameter(description = "Only this caller's entries.", example = "analyst") @QueryParam("who") String who,
            @Parameter(description = "Only entries of this action.", example = "SEND_EXCHANGES") @QueryParam("action") AuditAction action,
            @Parameter(description = "From this instant on.", example = "2026-12-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "Before this instant.", example = "2026-12-02T00:00:00Z") @QueryParam("to") String to,
            @Parameter(description = "Entries before this id: the next page's cursor.") @QueryParam("before") Long before,
            @Parameter(description = "Entries in a page, 1 to 500.", example = "100") @QueryParam("limit") @DefaultValue("100") int limit,
            @Context UriInfo uri) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidQuery("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        if (who != null && who.length() > 256) {
            throw ProblemException.invalidQuery("who must be at most 256 characters");
        }
        return repository.page(Optional.ofNullable(who), Optional.ofNullable(action), instant("from", from), instant("to", to),
                        Optional.ofNullable(before), limit)
                .map(events -> {
                    if (events.size() < limit) {
                        return new Page(events, null);
                    }
                    URI next = uri.getRequestUriBuilder().replaceQueryParam("before", events.get(events.size() - 1).id()).build();
                    return new Page(events, next.getRawPath() + "?" + next.getRawQuery());
                });
    }

    private static Optional<Instant> instant(String name, String value) {
        return Optional.ofNullable(TimeRange.instant(name, value, null));
    }
}
