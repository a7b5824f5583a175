package io.exchangepulse.ingest;

import io.exchangepulse.domain.Agency;
import io.exchangepulse.domain.Channel;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.ExchangeKind;
import io.exchangepulse.domain.Party;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * The wire shape of an exchange, described for OpenAPI. The rules themselves live in the domain's
 * {@code ExchangeReader}, which reads the JSON directly so that it can name every broken field.
 */
@Schema(name = "Exchange", description = "One message between the liaison officers of two parties. Unknown fields "
        + "are rejected: the schema carries no personal data.")
public record ExchangeDocument(
        @Schema(required = true, description = "The idempotency key: an id already accepted is counted once.",
                example = "3f1d2c4e-8a43-4c55-9a57-1f0b3c2d9e10")
        UUID id,
        @Schema(required = true, description = "When the exchange happened (ISO-8601 instant); at most 5 minutes "
                + "in the future.", example = "2026-11-28T09:21:00Z")
        Instant occurredAt,
        @Schema(required = true, description = "The sending party. At least one of from and to is a member state.",
                example = "RO")
        Party from,
        @Schema(required = true, description = "The receiving party; differs from 'from'.", example = "BG")
        Party to,
        @Schema(required = true, description = "The liaison officer's service.", example = "POLICE")
        Agency agency,
        @Schema(required = true, description = "A request, or an information exchange.", example = "REQUEST")
        ExchangeKind kind,
        @Schema(required = true, description = "A daily exchange, or one inside an operation.", example = "DAILY")
        Channel channel,
        @Schema(required = true, description = "The crime area; it decides the task force.", example = "DRUG_TRAFFICKING")
        CrimeArea crimeArea,
        @Schema(nullable = true, description = "The operation (see /api/v1/operations); required when channel is "
                + "OPERATION, null when DAILY.", example = "TARA")
        String operationId) {
}
