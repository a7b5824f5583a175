package io.exchangepulse.query;

import io.exchangepulse.domain.Party;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Comparator;

/** The exchanges sent from one party to another over a range: one cell of the intelligence-flow matrix. */
@RegisterForReflection
@Schema(description = "Exchanges from one party to another over the range.")
public record Flow(
        @Schema(description = "The sending party.", example = "RO") Party from,
        @Schema(description = "The receiving party.", example = "BG") Party to,
        @Schema(description = "How many exchanges.", example = "42") long count) {

    /** The order flows are shown in: the largest first, then by party. */
    public static final Comparator<Flow> LARGEST_FIRST = Comparator.comparingLong(Flow::count).reversed()
            .thenComparing(Flow::from).thenComparing(Flow::to);
}
