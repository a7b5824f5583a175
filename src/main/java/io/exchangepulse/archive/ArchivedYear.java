package io.exchangepulse.archive;

import io.exchangepulse.domain.CrimeArea;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A closed year's totals from an archive: the seed's two tables for that year. */
@RegisterForReflection
@Schema(description = "A closed year's totals, from an archive: the \"Total exchanges\" row and the crime-area table.")
public record ArchivedYear(
        @Schema(description = "Among members, daily exchanges.", example = "4334") long membersDaily,
        @Schema(description = "Among members, inside regional operations.", example = "1069") long membersOperations,
        @Schema(description = "Between members and observers, daily exchanges.", example = "550") long memberObserverDaily,
        @Schema(description = "Between members and observers, inside operations.", example = "0") long memberObserverOperations,
        @Schema(description = "Requests and information per crime area; areas left out count zero.") List<CrimeAreaRow> crimeAreas) {

    @RegisterForReflection
    @Schema(name = "ArchivedCrimeArea", description = "One crime area's requests and information in the archived year.")
    public record CrimeAreaRow(
            @Schema(description = "The crime area.", example = "DRUG_TRAFFICKING") CrimeArea crimeArea,
            @Schema(description = "Requests.", example = "112") long requests,
            @Schema(description = "Information exchanges.", example = "1352") long information) {
    }
}
