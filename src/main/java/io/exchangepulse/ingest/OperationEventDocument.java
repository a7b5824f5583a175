package io.exchangepulse.ingest;

import io.exchangepulse.domain.OperationEventType;
import io.exchangepulse.domain.OperationKind;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.Seizure;
import io.exchangepulse.domain.TaskForce;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The wire shape of an operation event, described for OpenAPI; the rules live in the domain's
 * {@code OperationEventReader}.
 */
@Schema(name = "OperationEvent", description = "One step in the life of a joint investigation or regional operation: "
        + "OPENED, OPERATIONAL_MEETING, COORDINATED_ACTION, RESULT (for one country) or CLOSED. Fields that do not "
        + "belong to the event's type are rejected.")
public record OperationEventDocument(
        @Schema(required = true, description = "The event's idempotency key.", example = "0b6f1f3e-2f57-4d1a-9c1e-5d2b8f0e7a11")
        UUID id,
        @Schema(required = true, description = "The operation's code: 1 to 64 letters, digits, '.', '_' or '-'.",
                example = "TARA")
        String operationId,
        @Schema(required = true, description = "What happened.", example = "RESULT")
        OperationEventType type,
        @Schema(required = true, description = "When it happened; at most 5 minutes in the future.",
                example = "2009-03-24T08:00:00Z")
        Instant occurredAt,
        @Schema(description = "OPENED only, required: the operation's name.", example = "Tara")
        String name,
        @Schema(description = "OPENED only, required.", example = "JOINT_INVESTIGATION")
        OperationKind operationKind,
        @Schema(description = "OPENED only: the task force that leads it.", example = "HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION")
        TaskForce taskForce,
        @Schema(description = "OPENED only, required: the participating parties (two or more).",
                example = "[\"BA\", \"TR\", \"HR\", \"ME\", \"MK\", \"RS\", \"SI\", \"AT\"]")
        List<Party> countries,
        @Schema(description = "OPERATIONAL_MEETING or COORDINATED_ACTION: where (a city).", example = "Sarajevo")
        String place,
        @Schema(description = "RESULT only, required: the country the result is for.", example = "HR")
        Party country,
        @Schema(description = "RESULT only: persons arrested.", example = "46")
        Long arrests,
        @Schema(description = "RESULT only: what was seized or identified.", example = "[\"WEAPONS\"]")
        List<Seizure> seizures,
        @Schema(description = "RESULT only: an amount in euros (seized, or a tax shortage uncovered).", example = "1600000")
        Long amountEur) {
}
