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

@Path("/api/v1/exchanges")
@Tag(name = "Ingest")
public class ExchangeResource {

    static final String EXAMPLE = """
            {"id": "3f1d2c4e-8a43-4c55-9a57-1f0b3c2d9e10", "occurredAt": "2026-11-28T09:21:00Z", "from": "RO",
             "to": "BG", "agency": "POLICE", "kind": "REQUEST", "channel": "DAILY",
             "crimeArea": "DRUG_TRAFFICKING", "operationId": null}""";

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
    @Operation(summary = "Submit exchanges",
            description = "One exchange object, a JSON array of them, or NDJSON. Accepted whole or rejected whole: "
                    + "202 means every exchange is durably in the log. An id already accepted is acknowledged "
                    + "again and counted once.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExchangeDocument.class),
                    examples = @ExampleObject(name = "one exchange", value = EXAMPLE)),
            @Content(mediaType = SubmittedItems.NDJSON, schema = @Schema(implementation = ExchangeDocument.class))})
    @APIResponse(responseCode = "202", description = "Every exchange is in the log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or invalid exchanges (each listed by index and "
            + "field); nothing was accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller may not send these exchanges (a liaison sends only as its "
            + "own party; each item that is not is listed); nothing was accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More items or bytes than one request may hold")
    @APIResponse(responseCode = "415", description = "No Content-Type, or another than JSON or NDJSON")
    @APIResponse(responseCode = "429", description = "The party's quota is used up; send again after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The log cannot take it now; resend after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType, InputStream body) {
        Accepted accepted;
        try (BodyDeadline deadline = BodyDeadline.arm(request.getCurrent(), config.bodyDeadline())) {
            accepted = ingestion.exchanges(body, isNdjson(contentType), currentCaller.get());
        }
        AuditFilter.detail(request.getCurrent(), accepted.accepted() + " accepted");
        return Response.accepted(accepted).type(MediaType.APPLICATION_JSON).build();
    }

    static boolean isNdjson(MediaType contentType) {
        return contentType != null && contentType.isCompatible(MediaType.valueOf(SubmittedItems.NDJSON));
    }
}
