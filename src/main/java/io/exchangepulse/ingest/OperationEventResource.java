package io.exchangepulse.ingest;

import io.exchangepulse.audit.AuditFilter;
import io.exchangepulse.identity.CurrentCaller;
import io.exchangepulse.identity.Role;
import io.exchangepulse.platform.Problem;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.security.RolesAllowed;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/operations/events")
@Tag(name = "Ingest")
public class OperationEventResource {

    static final String EXAMPLE = """
            {"id": "0b6f1f3e-2f57-4d1a-9c1e-5d2b8f0e7a11", "operationId": "TARA", "type": "RESULT",
             "occurredAt": "2009-03-24T08:00:00Z", "country": "HR", "arrests": 46, "seizures": ["WEAPONS"]}""";

    @Inject
    Ingestion ingestion;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CurrentVertxRequest request;

    @Inject
    IngestConfig config;


    @POST
    @RolesAllowed({Role.LIAISON_NAME, Role.ADMIN_NAME})
    @Consumes({MediaType.APPLICATION_JSON, SubmittedItems.NDJSON})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Record operation events",
            description = "Joint investigations and regional operations: opened, operational meetings, the coordinated "
                    + "action, results by country, closed. One object, an array, or NDJSON; accepted whole or not at all.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OperationEventDocument.class),
                    examples = @ExampleObject(name = "a result", value = EXAMPLE)),
            @Content(mediaType = SubmittedItems.NDJSON, schema = @Schema(implementation = OperationEventDocument.class))})
    @APIResponse(responseCode = "202", description = "Every event is in the log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid events; nothing was accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller may not report on these operations (a liaison only on "
            + "those its party takes part in); nothing was accepted")
    @APIResponse(responseCode = "413", description = "More items or bytes than one request may hold")
    @APIResponse(responseCode = "415", description = "No Content-Type, or another than JSON or NDJSON")
    @APIResponse(responseCode = "429", description = "The party's quota is used up; send again after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log cannot take it now; resend after Retry-After seconds")
    public Response record(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType, InputStream body) {
        Accepted accepted;
        try (BodyDeadline deadline = BodyDeadline.arm(request.getCurrent(), config.bodyDeadline())) {
            accepted = ingestion.operationEvents(body, ExchangeResource.isNdjson(contentType), currentCaller.get());
        }
        AuditFilter.detail(request.getCurrent(), accepted.accepted() + " accepted");
        return Response.accepted(accepted).type(MediaType.APPLICATION_JSON).build();
    }
}
