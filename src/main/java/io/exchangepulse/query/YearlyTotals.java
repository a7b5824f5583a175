package io.exchangepulse.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.exchangepulse.domain.Channel;
import io.exchangepulse.domain.Scope;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Arrays;

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

    /** Where a (scope, channel) count goes in the cells that {@link #of} takes. */
    public static int cell(Scope scope, Channel channel) {
        return scope.ordinal() * Channel.values().length + channel.ordinal();
    }

    /** A row from its four (scope, channel) counts, indexed by {@link #cell}. */
    public static YearlyTotals of(int year, long[] cells) {
        long observerOperations = cells[cell(Scope.MEMBER_OBSERVER, Channel.OPERATION)];
        return new YearlyTotals(year,
                cells[cell(Scope.MEMBERS, Channel.DAILY)],
                cells[cell(Scope.MEMBERS, Channel.OPERATION)],
                cells[cell(Scope.MEMBER_OBSERVER, Channel.DAILY)],
                observerOperations == 0 ? null : observerOperations,
                Arrays.stream(cells).sum());
    }
}
