package io.exchangepulse.alerts;

import io.exchangepulse.domain.AlertKind;
import io.exchangepulse.domain.TaskForce;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The alerts' tables (V16__alerts.sql): the rounds judged ({@code alert_judgement}), each alert from the round that
 * raised it to the one that cleared it ({@code alert}), and what each round did to each alert ({@code alert_history}).
 */
@ApplicationScoped
public class AlertRepository {

    private static final String ALERT_COLUMNS = "id, kind, subject, code, task_force, window_seconds, started_at, ended_at, "
            + "observed, expected, low, high, sigmas, last_year";

    /** The alerts every replica shows: the active ones, newest first, and those ended since a moment, the latest end first. */
    public record Current(List<Alert> active, List<Alert> recent) {
    }

    @Inject
    Pool pool;

    /**
     * Claims {@code round} for {@code holder} within the open transaction of {@code connection}: true if this
     * transaction holds it now, false if another judged it. While another replica's transaction holds the claim
     * uncommitted, this waits on the key and answers once that one ends: false after its commit, true after its
     * rollback (that replica died or failed mid-judgement, and the round is this one's to judge).
     */
    Uni<Boolean> claim(SqlConnection connection, Instant round, String holder, Duration idleLimit) {
        return connection.query("SET LOCAL idle_in_transaction_session_timeout = " + idleLimit.toMillis()).execute()
                .chain(() -> connection.preparedQuery("INSERT INTO alert_judgement (judged_at, holder) VALUES ($1, $2) "
                                + "ON CONFLICT DO NOTHING RETURNING judged_at")
                        .execute(Tuple.of(at(round), holder)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * The active alerts, with the table locked against other judgements until the transaction ends: two rounds
     * judged at once (replicas whose clocks disagree by a round) are applied one after the other, never to the
     * same active alerts. Readers are not held up.
     */
    Uni<List<Alert>> activeForJudgement(SqlConnection connection) {
        return connection.query("LOCK TABLE alert IN EXCLUSIVE MODE").execute()
                .chain(() -> connection.query("SELECT " + ALERT_COLUMNS + " FROM alert WHERE ended_at IS NULL").execute())
                .map(AlertRepository::alerts);
    }

    /** Writes what {@code round} did: the alerts raised, still raised and cleared, and a row of each in the history. */
    Uni<Void> record(SqlConnection connection, Instant round, List<Judgement.Changed> changes) {
        List<Alert> raised = alertsOf(changes, Judgement.Change.RAISED);
        List<Alert> still = alertsOf(changes, Judgement.Change.STILL_RAISED);
        List<Alert> cleared = alertsOf(changes, Judgement.Change.CLEARED);
        List<Alert> all = changes.stream().map(Judgement.Changed::alert).toList();
        // A cleared alert's row in the history has no figures: its subject was back within its band.
        List<Alert> figured = changes.stream().map(change -> change.change() == Judgement.Change.CLEARED ? null : change.alert()).toList();
        return connection.preparedQuery("INSERT INTO alert (id, kind, subject, code, task_force, window_seconds, started_at, "
                                + "observed, expected, low, high, sigmas, last_year) SELECT * FROM unnest($1::text[], $2::text[], "
                                + "$3::text[], $4::text[], $5::text[], $6::bigint[], $7::timestamptz[], " + figures(8) + ")")
                        .execute(withFigures(raised, Tuple.from(Arrays.asList(
                                column(raised, Alert::id, String[]::new),
                                column(raised, alert -> alert.kind().name(), String[]::new),
                                column(raised, alert -> alert.subject().name(), String[]::new),
                                column(raised, Alert::code, String[]::new),
                                column(raised, alert -> alert.taskForce() == null ? null : alert.taskForce().name(), String[]::new),
                                column(raised, alert -> alert.window().toSeconds(), Long[]::new),
                                column(raised, alert -> at(alert.startedAt()), OffsetDateTime[]::new)))))
                .chain(() -> connection.preparedQuery("UPDATE alert a SET observed = f.observed, expected = f.expected, low = f.low, "
                                + "high = f.high, sigmas = f.sigmas, last_year = f.last_year FROM unnest($1::text[], " + figures(2)
                                + ") AS f(id, observed, expected, low, high, sigmas, last_year) WHERE a.id = f.id AND a.ended_at IS NULL")
                        .execute(withFigures(still, Tuple.of(column(still, Alert::id, String[]::new)))))
                .chain(() -> connection.preparedQuery("UPDATE alert SET ended_at = $2 WHERE id = ANY($1) AND ended_at IS NULL")
                        .execute(Tuple.of(column(cleared, Alert::id, String[]::new), at(round))))
                .chain(() -> connection.preparedQuery("INSERT INTO alert_history (judged_at, id, started_at, state, observed, expected, "
                                + "low, high, sigmas, last_year) SELECT $1, * FROM unnest($2::text[], $3::timestamptz[], $4::text[], "
                                + figures(5) + ")")
                        .execute(withFigures(figured, Tuple.of(at(round), column(all, Alert::id, String[]::new),
                                column(all, alert -> at(alert.startedAt()), OffsetDateTime[]::new),
                                changes.stream().map(change -> change.change().name()).toArray(String[]::new)))))
                .replaceWithVoid();
    }

    /**
     * Forgets the rounds judged before {@code before}, with their history, and the alerts that ended before it: a
     * round's few rows a round, in the judging transaction, so the tables stay as long as the retention whatever the
     * traffic (an alert still active keeps its row however old).
     */
    Uni<Void> forget(SqlConnection connection, Instant before) {
        return connection.preparedQuery("DELETE FROM alert_judgement WHERE judged_at < $1").execute(Tuple.of(at(before)))
                .chain(() -> connection.preparedQuery("DELETE FROM alert WHERE ended_at < $1").execute(Tuple.of(at(before))))
                .replaceWithVoid();
    }

    /** What every replica shows: the active alerts, and at most {@code limit} ended at {@code since} or later. */
    public Uni<Current> current(Instant since, int limit) {
        return pool.query("SELECT " + ALERT_COLUMNS + " FROM alert WHERE ended_at IS NULL ORDER BY started_at DESC, id").execute()
                .map(AlertRepository::alerts)
                .chain(active -> pool.preparedQuery("SELECT " + ALERT_COLUMNS + " FROM alert WHERE ended_at >= $1 "
                                + "ORDER BY ended_at DESC, id LIMIT $2")
                        .execute(Tuple.of(at(since), limit))
                        .map(rows -> new Current(active, alerts(rows))));
    }

    private static List<Alert> alerts(RowSet<Row> rows) {
        List<Alert> alerts = new ArrayList<>();
        for (Row row : rows) {
            String taskForce = row.getString("task_force");
            OffsetDateTime ended = row.getOffsetDateTime("ended_at");
            alerts.add(new Alert(row.getString("id"), AlertKind.valueOf(row.getString("kind")),
                    Alert.Subject.valueOf(row.getString("subject")), row.getString("code"),
                    taskForce == null ? null : TaskForce.valueOf(taskForce), Duration.ofSeconds(row.getLong("window_seconds")),
                    row.getOffsetDateTime("started_at").toInstant(), ended == null ? null : ended.toInstant(),
                    row.getLong("observed"), row.getDouble("expected"), row.getDouble("low"), row.getDouble("high"),
                    row.getDouble("sigmas"), row.getLong("last_year")));
        }
        return alerts;
    }

    /** {@code first}, then the figures of each alert as arrays (null for a null alert), as {@link #figures} reads them. */
    private static Tuple withFigures(List<Alert> alerts, Tuple first) {
        return first.addValue(column(alerts, Alert::observed, Long[]::new))
                .addValue(column(alerts, Alert::expected, Double[]::new))
                .addValue(column(alerts, Alert::low, Double[]::new))
                .addValue(column(alerts, Alert::high, Double[]::new))
                .addValue(column(alerts, Alert::sigmas, Double[]::new))
                .addValue(column(alerts, Alert::lastYear, Long[]::new));
    }

    /** The figures' arrays from parameter {@code from} on: observed, expected, low, high, sigmas and a year before. */
    private static String figures(int from) {
        return "$%d::bigint[], $%d::float8[], $%d::float8[], $%d::float8[], $%d::float8[], $%d::bigint[]"
                .formatted(from, from + 1, from + 2, from + 3, from + 4, from + 5);
    }

    private static List<Alert> alertsOf(List<Judgement.Changed> changes, Judgement.Change change) {
        return changes.stream().filter(changed -> changed.change() == change).map(Judgement.Changed::alert).toList();
    }

    /** One field of each alert, as a PostgreSQL array; null where the alert is. */
    private static <T> T[] column(List<Alert> alerts, Function<Alert, T> field, IntFunction<T[]> array) {
        return alerts.stream().map(alert -> alert == null ? null : field.apply(alert)).toArray(array);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
