package io.exchangepulse.aggregate;

import io.exchangepulse.identity.CurrentCaller;
import io.exchangepulse.identity.Role;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Collection;
import java.util.List;

/** An administrator sees the gaps counting stands at, and accepts their loss (src/docs/operations.md, "Counting gaps"). */
@Path("/api/v1/counting/gaps")
@Tag(name = "Counting")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class CountingGapResource {

    /** What acceptance did: the gaps it closed. */
    @RegisterForReflection
    @Schema(name = "AcceptedGaps", description = "The gaps an acceptance closed.")
    public record Accepted(@Schema(description = "Each gap closed, with the records it lost.") List<CountingGaps.Gap> accepted) {
    }

    @Inject
    CountingGaps gaps;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The gaps this replica's counting stands at", description = "Records deleted from Kafka before they were counted.")
    public Collection<CountingGaps.Gap> open() {
        return gaps.open();
    }

    @POST
    @Path("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept the loss", description = "Moves counting past every gap found on any replica, forward only, "
            + "and keeps who accepted it. The body is an empty JSON object.")
    public Uni<Accepted> accept() {
        return gaps.accept(currentCaller.get().name()).map(Accepted::new);
    }
}
