package io.exchangepulse.platform;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One broken rule of one submitted item. */
@RegisterForReflection
@Schema(description = "One broken rule of one submitted item.")
public record ItemProblem(
        @Schema(description = "The item's position in the request: 0 for a single object, the array index, "
                + "or the NDJSON line's item number (blank lines are not counted).", example = "3")
        int index,
        @Schema(description = "The field the rule concerns; empty when the item as a whole is wrong.", example = "crimeArea")
        String field,
        @Schema(description = "What is wrong, in words.",
                example = "must be one of [HUMAN_TRAFFICKING, ILLEGAL_IMMIGRATION, ...], not 'ARSON'")
        String message) {
}
