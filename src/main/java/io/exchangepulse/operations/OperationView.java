package io.exchangepulse.operations;

import io.exchangepulse.domain.OperationKind;
import io.exchangepulse.domain.OperationStatus;
import io.exchangepulse.domain.TaskForce;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One row of the operations board. */
@RegisterForReflection
@Schema(name = "Operation", description = "A joint investigation or regional operation, with its results.")
public record OperationView(
        @Schema(description = "The operation's code.", example = "TARA") String id,
        @Schema(description = "Its name.", example = "Tara") String name,
        @Schema(description = "Joint investigation or regional operation; null where the source does not say.",
                example = "JOINT_INVESTIGATION") OperationKind kind,
        @Schema(description = "The leading task force; null where the source does not say.",
                example = "HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION") TaskForce taskForce,
        @Schema(description = "The participating parties.", example = "[\"BA\", \"TR\", \"HR\", \"ME\", \"MK\", \"RS\", \"SI\", \"AT\"]")
        List<String> countries,
        @Schema(description = "Where it stands.", example = "ACTION_TAKEN") OperationStatus status,
        @Schema(description = "When it was opened; null where the source gives no date.", example = "2008-11-11T08:00:00Z")
        Instant openedAt,
        @Schema(description = "Its latest dated event.", example = "2009-03-24T08:00:00Z") Instant lastEventAt,
        @Schema(description = "The year the source reports it under, for operations known only by year.", example = "2008")
        Integer reportedYear,
        @Schema(description = "How many operational meetings were held.", example = "2") int meetings,
        @Schema(description = "When its coordinated actions took place, oldest first.", example = "[\"2009-03-24T06:00:00Z\"]")
        List<Instant> actions,
        @Schema(description = "Persons arrested, all results together.", example = "68") long arrests,
        @Schema(description = "Its results, one per country where the source gives them so.") List<Result> results) {

    /** What the coordinated action achieved in one country. */
    @RegisterForReflection
    @Schema(name = "OperationResult", description = "What an action achieved in one country.")
    public record Result(
            @Schema(description = "The country; null where the source gives only a total.", example = "HR") String country,
            @Schema(description = "Persons arrested.", example = "46") Long arrests,
            @Schema(description = "What was seized or identified.", example = "[\"WEAPONS\"]") List<String> seizures,
            @Schema(description = "An amount in euros (seized, or a tax shortage uncovered).", example = "1600000")
            Long amountEur,
            @Schema(description = "When it was reported; null where the source gives no date.",
                    example = "2009-03-24T08:00:00Z") Instant occurredAt) {
    }
}
