package io.exchangepulse.query;

import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.ExchangeKind;
import io.exchangepulse.domain.TaskForce;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One row of the seed's "Requests and information exchanges" table. */
@RegisterForReflection
@Schema(description = "Requests and information exchanges of one crime area in one year.")
public record CrimeAreaCount(
        @Schema(description = "The crime area.", example = "DRUG_TRAFFICKING") CrimeArea crimeArea,
        @Schema(description = "Its task force.", example = "DRUGS") TaskForce taskForce,
        @Schema(description = "Requests.", example = "112") long requests,
        @Schema(description = "Information exchanges.", example = "1352") long information) {

    /** The table's rows, in the seed's order, from (requests, information) per area; absent areas count zero. */
    public static List<CrimeAreaCount> table(Map<CrimeArea, long[]> counts) {
        return Arrays.stream(CrimeArea.values())
                .map(area -> {
                    long[] c = counts.getOrDefault(area, new long[2]);
                    return new CrimeAreaCount(area, area.taskForce(), c[ExchangeKind.REQUEST.ordinal()], c[ExchangeKind.INFORMATION.ordinal()]);
                })
                .toList();
    }
}
