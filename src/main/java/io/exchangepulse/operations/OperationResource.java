package io.exchangepulse.operations;

import io.exchangepulse.domain.OperationStatus;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.identity.Caller;
import io.exchangepulse.identity.CurrentCaller;
import io.exchangepulse.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/operations")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.WALL_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME, Role.TASK_FORCE_LEADER_NAME})
public class OperationResource {

    @Inject
    OperationBoard board;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The operations board",
            description = "Joint investigations and regional operations with status, countries, task force and results; "
                    + "the most recently active first.")
    public Uni<List<OperationView>> list(
            @Parameter(description = "Only operations in this status.", example = "OPEN")
            @QueryParam("status") OperationStatus status,
            @Parameter(description = "Only the operations of this task force.", example = "DRUGS")
            @QueryParam("taskForce") TaskForce taskForce) {
        Caller caller = currentCaller.get();
        if (taskForce != null) {
            caller.requireSight(taskForce);
        }
        return board.current().map(operations -> operations.stream()
                .filter(o -> status == null || o.status() == status)
                .filter(o -> taskForce == null || o.taskForce() == taskForce)
                .filter(o -> caller.seesWholeCenter() || (o.taskForce() != null && caller.maySee(o.taskForce())))
                .toList());
    }
}
