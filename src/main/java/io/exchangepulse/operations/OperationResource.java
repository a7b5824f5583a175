package io.exchangepulse.operations;

import io.exchangepulse.domain.OperationStatus;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.identity.Caller;
import io.exchangepulse.identity.CurrentCaller;
import io.exchangepulse.identity.Role;
import io.exchangepulse.platform.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Optional;

@Path("/api/v1/operations")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.WALL_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME, Role.TASK_FORCE_LEADER_NAME})
public class OperationResource {

    static final int MAX_LIMIT = 200;
    static final int MAX_OFFSET = 1_000_000;

    @Inject
    OperationBoard board;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The operations, a page at a time",
            description = "Joint investigations and regional operations with status, countries, task force and their latest "
                    + "results, in the board's order: live work first, the most recently active first. A task-force leader "
                    + "sees its task forces' operations only. Follow next for the following page.")
    public Uni<OperationPage> list(
            @Parameter(description = "Only operations in this status.", example = "OPEN")
            @QueryParam("status") OperationStatus status,
            @Parameter(description = "Only the operations of this task force.", example = "DRUGS")
            @QueryParam("taskForce") TaskForce taskForce,
            @Parameter(description = "Operations in a page, 1 to 200.", example = "100")
            @QueryParam("limit") @DefaultValue("100") int limit,
            @Parameter(description = "Operations skipped before the page, up to 1,000,000.", example = "0")
            @QueryParam("offset") @DefaultValue("0") int offset,
            @Context UriInfo uri) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidQuery("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw ProblemException.invalidQuery("offset must be from 0 to " + MAX_OFFSET + ", not " + offset);
        }
        Caller caller = currentCaller.get();
        if (taskForce != null) {
            caller.requireSight(taskForce);
        }
        return board.page(Optional.ofNullable(status), Optional.ofNullable(taskForce),
                        caller.seesWholeCenter() ? Optional.empty() : Optional.of(caller.visibleTaskForces()), limit, offset)
                .map(page -> {
                    if (!page.hasMore()) {
                        return page;
                    }
                    URI next = uri.getRequestUriBuilder().replaceQueryParam("offset", offset + limit).replaceQueryParam("limit", limit).build();
                    return page.withNext(next.getRawPath() + "?" + next.getRawQuery());
                });
    }

}
