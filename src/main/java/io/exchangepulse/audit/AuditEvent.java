package io.exchangepulse.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One entry of the audit trail. Never a token: a caller is named, never their credentials. */
@RegisterForReflection
@Schema(name = "AuditEvent", description = "Who did or read what, when, from where, and the outcome.")
public record AuditEvent(
        @Schema(description = "Its place in the trail; newer entries have larger ids.", example = "4711") long id,
        @Schema(description = "When.", example = "2026-12-03T09:21:00Z") Instant at,
        @Schema(description = "Who: the name the provider gave the caller, \"anonymous\", or \"provider\".", example = "analyst") String who,
        @Schema(description = "The party a liaison speaks for.", example = "RO") String party,
        @Schema(description = "How the caller came in: bearer, session, kiosk, provider or anonymous.", example = "session") String via,
        @Schema(description = "What kind of thing was done.", example = "READ") AuditAction action,
        @Schema(description = "The method and address, or what a live viewer subscribed to.", example = "GET /api/v1/flows?from=2026-12-01T00:00:00Z")
        String target,
        @Schema(description = "Where from: the client's address (the proxy's forwarded one behind the Ingress).", example = "10.1.2.3")
        String source,
        @Schema(description = "The outcome, as an HTTP status.", example = "200") int status,
        @Schema(description = "More of the outcome: items accepted, sessions ended.", example = "500 items") String detail) {
}
