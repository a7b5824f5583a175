package io.exchangepulse.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the seed's "Total exchanges" table. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One year of the seed's \"Total exchanges\" table: history and live counts together.")
public record YearlyTotals(
        @Schema(description = "The year (UTC).", example = "2008") int year,
        @Schema(description = "Among members, daily exchanges.", example = "8323") long membersDaily,
        @Schema(description = "Among members, inside regional operations.", example = "495") long membersOperations,
        @Schema(description = "Between members and observers, daily exchanges.", example = "378") long memberObserverDaily,
        @Schema(description = "Between members and observers, inside operations; present only where non-zero.",
                nullable = true, example = "12") Long memberObserverOperations,
        @Schema(description = "All of the year's exchanges.", example = "9196") long total) {
}
