package io.exchangepulse.alerts;

import io.exchangepulse.identity.Caller;
import io.exchangepulse.identity.CurrentCaller;
import io.exchangepulse.identity.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.function.Predicate;

/** The alerts, active and recent; a task-force leader's are its task forces' and the pipeline's. */
@Path("/api/v1/alerts")
@Tag(name = "Alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.WALL_NAME, Role.ANALYST_NAME, Role.ADMIN_NAME, Role.TASK_FORCE_LEADER_NAME})
public class AlertResource {

    @RegisterForReflection
    @Schema(description = "The alerts of the moment and those ended within the recent period.")
    public record Alerts(
            @Schema(description = "Still out of band, newest first.") List<Alert> active,
            @Schema(description = "Ended within the recent period (EXCHANGEPULSE_ALERTS_RECENT), the latest end first, at most "
                    + "EXCHANGEPULSE_ALERTS_RECENT_LIMIT.") List<Alert> recent) {
    }

    @Inject
    AlertBoard board;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "Surges, lulls and a stalled pipeline",
            description = "Each task force and crime area judged over the last hour and the last day against its recent "
                    + "baseline; how far from normal, and the same window a year before.")
    public Alerts alerts() {
        Predicate<Alert> visible = visibleTo(currentCaller.get());
        return new Alerts(board.active().stream().filter(visible).toList(), board.recent().stream().filter(visible).toList());
    }

    static Predicate<Alert> visibleTo(Caller caller) {
        return alert -> alert.taskForce() == null || caller.maySee(alert.taskForce());
    }
}
