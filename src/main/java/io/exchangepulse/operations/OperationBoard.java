package io.exchangepulse.operations;

import io.exchangepulse.domain.OperationKind;
import io.exchangepulse.domain.OperationStatus;
import io.exchangepulse.domain.TaskForce;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The operations, in the one order every client shows: live work first (open, then action taken, then
 * closed), within each the most recently active first, then by name. Read on the query API's own pool, and
 * bounded however many operations partners open: the board (what every wall shows) holds per task force the
 * most recently active open operations and the last closed ones, the API pages through all of them, and an
 * operation shows its latest results and actions ({@link OperationsConfig}).
 */
@ApplicationScoped
public class OperationBoard {

    static final Comparator<OperationView> BOARD_ORDER = Comparator
            .comparing(OperationView::status, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OperationBoard::latestActivity, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(OperationView::name);

    private static final String COLUMNS = "id, name, kind, task_force, countries, status, opened_at, last_event_at, reported_year";
    private static final String ACTIVITY = "coalesce(last_event_at, opened_at) DESC NULLS LAST";
    /** The board's order in SQL: the statuses in their order, then BOARD_ORDER's, then the id, so that pages never overlap. */
    private static final String ORDER = "ORDER BY CASE status " + Arrays.stream(OperationStatus.values())
            .map(s -> "WHEN '" + s.name() + "' THEN " + s.ordinal()).collect(Collectors.joining(" ")) + " END, " + ACTIVITY + ", name, id";
    /** One task force's open ({@code $3} false) or closed operations, newest activity first, by the index operation_board. */
    private static final String BUCKET = "(SELECT " + COLUMNS + " FROM operation WHERE coalesce(task_force, '') = bucket "
            + "AND (status = 'CLOSED') = %s ORDER BY " + ACTIVITY + ", id LIMIT %s)";

    @Inject
    @ReactiveDataSource("queries")
    Pool pool;

    @Inject
    OperationsConfig config;

    /** The board every wall and leader sees: per task force, its latest open operations and its last closed ones. */
    public Uni<List<OperationView>> current() {
        String[] buckets = Stream.concat(Arrays.stream(TaskForce.values()).map(Enum::name), Stream.of("")).toArray(String[]::new);
        return pool.preparedQuery("SELECT o.* FROM unnest($1::text[]) AS bucket, LATERAL ("
                        + BUCKET.formatted("false", "$2") + " UNION ALL " + BUCKET.formatted("true", "$3") + ") o")
                .execute(Tuple.of(buckets, config.boardActivePerTaskForce(), config.boardClosedPerTaskForce()))
                .chain(this::withEvents)
                .map(operations -> operations.stream().sorted(BOARD_ORDER).toList());
    }

    /**
     * A page of all operations that match, in the board's order; {@code visible} limits it to a leader's task
     * forces (empty: every operation). The page names no next address: its reader knows its own.
     */
    public Uni<OperationPage> page(Optional<OperationStatus> status, Optional<TaskForce> taskForce, Optional<Set<TaskForce>> visible,
                                   int limit, int offset) {
        String where = " WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR task_force = $2) "
                + "AND ($3::text[] IS NULL OR task_force = ANY($3))";
        Tuple filters = Tuple.of(status.map(Enum::name).orElse(null), taskForce.map(Enum::name).orElse(null),
                visible.map(set -> set.stream().map(Enum::name).toArray(String[]::new)).orElse(null));
        return pool.preparedQuery("SELECT count(*) FROM operation" + where).execute(filters)
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(total -> pool.preparedQuery("SELECT " + COLUMNS + " FROM operation" + where + " " + ORDER + " LIMIT $4 OFFSET $5")
                        .execute(Tuple.of(filters.getValue(0), filters.getValue(1), filters.getValue(2), limit, offset))
                        .chain(this::withEvents)
                        .map(operations -> new OperationPage(operations, total, offset, limit, null)));
    }

    /** The operations of these rows with their meetings, arrests, and latest results and actions, in the rows' order. */
    private Uni<List<OperationView>> withEvents(RowSet<Row> operations) {
        List<Row> rows = new ArrayList<>();
        operations.forEach(rows::add);
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] ids = rows.stream().map(row -> row.getString("id")).toArray(String[]::new);
        Uni<Map<String, long[]>> tallies = pool.preparedQuery("SELECT operation_id, "
                        + "count(*) FILTER (WHERE type = 'OPERATIONAL_MEETING'), coalesce(sum(arrests) FILTER (WHERE type = 'RESULT'), 0) "
                        + "FROM operation_event WHERE operation_id = ANY($1) GROUP BY operation_id")
                .execute(Tuple.of((Object) ids))
                .map(result -> {
                    Map<String, long[]> byOperation = new HashMap<>();
                    result.forEach(row -> byOperation.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2)}));
                    return byOperation;
                });
        Uni<Map<String, List<Row>>> latest = pool.preparedQuery("SELECT operation_id, type, occurred_at, country, arrests, seizures, "
                        + "amount_eur FROM (SELECT e.*, row_number() OVER (PARTITION BY operation_id, type "
                        + "ORDER BY occurred_at DESC NULLS LAST, id) AS n FROM operation_event e "
                        + "WHERE operation_id = ANY($1) AND type IN ('RESULT', 'COORDINATED_ACTION')) latest "
                        + "WHERE n <= $2 ORDER BY occurred_at NULLS LAST, country NULLS LAST")
                .execute(Tuple.of(ids, config.eventsPerOperation()))
                .map(result -> {
                    Map<String, List<Row>> byOperation = new HashMap<>();
                    result.forEach(row -> byOperation.computeIfAbsent(row.getString(0), id -> new ArrayList<>()).add(row));
                    return byOperation;
                });
        return Uni.combine().all().unis(tallies, latest).asTuple().map(both -> rows.stream()
                .map(row -> view(row, both.getItem1().getOrDefault(row.getString("id"), new long[2]),
                        both.getItem2().getOrDefault(row.getString("id"), List.of())))
                .toList());
    }

    private static OperationView view(Row operation, long[] tally, List<Row> events) {
        List<OperationView.Result> results = events.stream().filter(e -> e.getString("type").equals("RESULT"))
                .map(e -> new OperationView.Result(e.getString("country"), e.getLong("arrests"),
                        e.getString("seizures") == null ? List.of() : Arrays.asList(e.getString("seizures").split(",")),
                        e.getLong("amount_eur"), instant(e.getOffsetDateTime("occurred_at"))))
                .toList();
        List<Instant> actions = events.stream().filter(e -> e.getString("type").equals("COORDINATED_ACTION"))
                .map(e -> instant(e.getOffsetDateTime("occurred_at"))).filter(Objects::nonNull).toList();
        String countries = operation.getString("countries");
        return new OperationView(operation.getString("id"), operation.getString("name"),
                Optional.ofNullable(operation.getString("kind")).map(OperationKind::valueOf).orElse(null),
                Optional.ofNullable(operation.getString("task_force")).map(TaskForce::valueOf).orElse(null),
                countries == null || countries.isEmpty() ? List.of() : Arrays.asList(countries.split(",")),
                OperationStatus.valueOf(operation.getString("status")), instant(operation.getOffsetDateTime("opened_at")),
                instant(operation.getOffsetDateTime("last_event_at")), operation.getInteger("reported_year"), (int) tally[0], actions,
                tally[1], results);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static Instant latestActivity(OperationView operation) {
        return operation.lastEventAt() != null ? operation.lastEventAt() : operation.openedAt();
    }
}
