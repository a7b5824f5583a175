package io.exchangepulse.operations;

import io.exchangepulse.domain.OperationEventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The operations board: every operation with its results, in the one order every client shows: live work
 * first (open, then action taken, then closed), within each the most recently active first, then by name.
 */
@ApplicationScoped
public class OperationBoard {

    static final Comparator<OperationView> BOARD_ORDER = Comparator
            .comparing(OperationView::status, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OperationBoard::latestActivity, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(OperationView::name);

    /** Needs a Vert.x duplicated context (a REST call, a scheduled method): Hibernate Reactive runs there. */
    public Uni<List<OperationView>> current() {
        return Panache.withSession(() -> OperationEntity.<OperationEntity>listAll()
                .chain(operations -> OperationEventEntity.<OperationEventEntity>list("order by occurredAt")
                        .map(events -> board(operations, events))));
    }

    private static Instant latestActivity(OperationView operation) {
        return operation.lastEventAt() != null ? operation.lastEventAt() : operation.openedAt();
    }

    private static List<OperationView> board(List<OperationEntity> operations, List<OperationEventEntity> events) {
        Map<String, List<OperationEventEntity>> byOperation = events.stream()
                .collect(Collectors.groupingBy(e -> e.operationId));
        return operations.stream()
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
        List<Instant> actions = events.stream()
                .filter(e -> e.type == OperationEventType.COORDINATED_ACTION && e.occurredAt != null)
                .map(e -> e.occurredAt)
                .toList();
        long arrests = results.stream().map(OperationView.Result::arrests).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        List<String> countries = operation.countries == null || operation.countries.isEmpty() ? List.of()
                : Arrays.asList(operation.countries.split(","));
        return new OperationView(operation.id, operation.name, operation.kind, operation.taskForce, countries,
                operation.status, operation.openedAt, operation.lastEventAt, operation.reportedYear, meetings, actions, arrests,
                results);
    }
}
