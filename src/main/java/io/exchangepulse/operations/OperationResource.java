package io.exchangepulse.operations;

import io.exchangepulse.domain.OperationEventType;
import io.exchangepulse.domain.OperationStatus;
import io.exchangepulse.domain.TaskForce;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

@Path("/api/v1/operations")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperationResource {

    private static final Comparator<OperationView> BOARD_ORDER = Comparator
            .comparing(OperationView::lastEventAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(OperationView::name);

    @GET
    @Operation(summary = "The operations board",
            description = "Joint investigations and regional operations with status, countries, task force and results; "
                    + "the most recently active first.")
    public Uni<List<OperationView>> list(
            @Parameter(description = "Only operations in this status.", example = "OPEN")
            @QueryParam("status") OperationStatus status,
            @Parameter(description = "Only the operations of this task force.", example = "DRUGS")
            @QueryParam("taskForce") TaskForce taskForce) {
        return Panache.withSession(() -> OperationEntity.<OperationEntity>listAll()
                .chain(operations -> OperationEventEntity.<OperationEventEntity>list("order by occurredAt")
                        .map(events -> board(operations, events, status, taskForce))));
    }

    private static List<OperationView> board(List<OperationEntity> operations, List<OperationEventEntity> events,
                                             OperationStatus status, TaskForce taskForce) {
        Map<String, List<OperationEventEntity>> byOperation = events.stream()
                .collect(Collectors.groupingBy(e -> e.operationId));
        return operations.stream()
                .filter(o -> status == null || o.status == status)
                .filter(o -> taskForce == null || o.taskForce == taskForce)
                .map(o -> view(o, byOperation.getOrDefault(o.id, List.of())))
                .sorted(BOARD_ORDER)
                .toList();
    }

    private static OperationView view(OperationEntity operation, List<OperationEventEntity> events) {
        List<OperationView.Result> results = events.stream()
                .filter(e -> e.type == OperationEventType.RESULT)
                .map(e -> new OperationView.Result(e.country == null ? null : e.country.name(), e.arrests,
                        e.seizures == null ? List.of() : Arrays.asList(e.seizures.split(",")), e.amountEur, e.occurredAt))
                .toList();
        int meetings = (int) events.stream().filter(e -> e.type == OperationEventType.OPERATIONAL_MEETING).count();
        int arrests = results.stream().map(OperationView.Result::arrests).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
        List<String> countries = operation.countries == null || operation.countries.isEmpty() ? List.of()
                : Arrays.asList(operation.countries.split(","));
        return new OperationView(operation.id, operation.name, operation.kind, operation.taskForce, countries,
                operation.status, operation.openedAt, operation.lastEventAt, operation.reportedYear, meetings, arrests,
                results);
    }
}
