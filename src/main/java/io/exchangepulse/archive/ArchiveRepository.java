package io.exchangepulse.archive;

import io.exchangepulse.aggregate.CounterTables;
import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Channel;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.ExchangeKind;
import io.exchangepulse.domain.Scope;
import io.exchangepulse.domain.TaskForce;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an archived year's totals as the yearly counters (the seed's history is kept the same way), in one
 * transaction. A year that live counting or the seed wrote is history of its own and is never replaced;
 * an archived year may be imported again, which replaces it.
 */
@ApplicationScoped
public class ArchiveRepository {

    /** Whether the year could be written: it was, or it holds counts the archive must not replace. */
    public enum Outcome { WRITTEN, COUNTED_YEAR }

    @Inject
    Pool pool;

    @Inject
    CounterTables tables;

    @Inject
    CenterCalendar calendar;

    Uni<Outcome> replace(int year, ArchivedYear totals) {
        OffsetDateTime bucket = calendar.startOfYear(year).atOffset(ZoneOffset.UTC);
        // A year the service never counted in may have no partition yet.
        return tables.ensureFor(List.of(bucket.toInstant())).chain(() -> pool.withTransaction(connection -> connection.preparedQuery("SELECT EXISTS (SELECT 1 FROM archived_year WHERE year = $1), "
                                + "EXISTS (SELECT 1 FROM " + CounterFamily.SCOPE_CHANNEL.table() + " WHERE grain = 'YEAR' AND bucket = $2)")
                        .execute(Tuple.of(year, bucket))
                        .chain(rows -> {
                            var row = rows.iterator().next();
                            if (!row.getBoolean(0) && row.getBoolean(1)) {
                                return Uni.createFrom().item(Outcome.COUNTED_YEAR);
                            }
                            return write(connection, year, bucket, totals).replaceWith(Outcome.WRITTEN);
                        })));
    }

    private Uni<Void> write(SqlConnection connection, int year, OffsetDateTime bucket, ArchivedYear totals) {
        List<Tuple> scopeChannel = List.of(
                Tuple.of(bucket, Scope.MEMBERS.name(), Channel.DAILY.name(), totals.membersDaily()),
                Tuple.of(bucket, Scope.MEMBERS.name(), Channel.OPERATION.name(), totals.membersOperations()),
                Tuple.of(bucket, Scope.MEMBER_OBSERVER.name(), Channel.DAILY.name(), totals.memberObserverDaily()),
                Tuple.of(bucket, Scope.MEMBER_OBSERVER.name(), Channel.OPERATION.name(), totals.memberObserverOperations()));
        List<Tuple> crimeKind = new ArrayList<>();
        Map<TaskForce, Long> taskForces = new EnumMap<>(TaskForce.class);
        for (ArchivedYear.CrimeAreaRow area : totals.crimeAreas() == null ? List.<ArchivedYear.CrimeAreaRow>of() : totals.crimeAreas()) {
            CrimeArea crimeArea = area.crimeArea();
            crimeKind.add(Tuple.of(bucket, crimeArea.name(), ExchangeKind.REQUEST.name(), area.requests()));
            crimeKind.add(Tuple.of(bucket, crimeArea.name(), ExchangeKind.INFORMATION.name(), area.information()));
            taskForces.merge(crimeArea.taskForce(), area.requests() + area.information(), Long::sum);
        }
        List<Tuple> taskForce = taskForces.entrySet().stream().map(e -> Tuple.of(bucket, e.getKey().name(), e.getValue())).toList();
        Uni<Void> written = deleteYear(connection, bucket)
                .chain(() -> connection.preparedQuery("INSERT INTO " + CounterFamily.SCOPE_CHANNEL.table()
                        + " (grain, bucket, scope, channel, n) VALUES ('YEAR', $1, $2, $3, $4)").executeBatch(scopeChannel))
                .replaceWithVoid();
        if (!crimeKind.isEmpty()) {
            written = written.chain(() -> connection.preparedQuery("INSERT INTO " + CounterFamily.CRIME_AREA_KIND.table()
                            + " (grain, bucket, crime_area, kind, n) VALUES ('YEAR', $1, $2, $3, $4)").executeBatch(crimeKind))
                    .chain(() -> connection.preparedQuery("INSERT INTO " + CounterFamily.TASK_FORCE.table()
                            + " (grain, bucket, task_force, n) VALUES ('YEAR', $1, $2, $3)").executeBatch(taskForce))
                    .replaceWithVoid();
        }
        return written.chain(() -> connection.preparedQuery("INSERT INTO archived_year (year) VALUES ($1) "
                        + "ON CONFLICT (year) DO UPDATE SET imported_at = now()").execute(Tuple.of(year)))
                .replaceWithVoid();
    }

    private static Uni<Void> deleteYear(SqlConnection connection, OffsetDateTime bucket) {
        Uni<Void> deleted = Uni.createFrom().voidItem();
        for (CounterFamily family : List.of(CounterFamily.SCOPE_CHANNEL, CounterFamily.CRIME_AREA_KIND, CounterFamily.TASK_FORCE)) {
            deleted = deleted.chain(() -> connection.preparedQuery("DELETE FROM " + family.table()
                    + " WHERE grain = 'YEAR' AND bucket = $1").execute(Tuple.of(bucket))).replaceWithVoid();
        }
        return deleted;
    }
}
