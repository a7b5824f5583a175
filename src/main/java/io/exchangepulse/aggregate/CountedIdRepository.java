package io.exchangepulse.aggregate;

import io.exchangepulse.domain.Admission;
import io.exchangepulse.domain.Exchange;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids already counted ({@code counted_exchange}), so that an exchange is counted once however often, and
 * whatever its copies say. The table is partitioned by the week (Monday to Sunday) each exchange was appended
 * to the log; a resend can only be counted while its exchange is at most the lateness window old
 * ({@link Admission}), so a week is kept until counting has passed it by that window and a day more, however
 * far behind counting is. Forgetting a week is a DROP, not a DELETE of millions of rows.
 *
 * <p>An id is looked for in every week kept (two or three partitions), not only where its copy's
 * {@code occurredAt} says it could be: a copy whose time moved across a day would otherwise not be found, and
 * counted twice. Each id is kept with a fingerprint of what it said ({@link Exchange#fingerprint()}), so a copy
 * that says something else is told from a resend.
 */
@ApplicationScoped
public class CountedIdRepository {

    private static final Logger LOG = Logger.getLogger(CountedIdRepository.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern DAY_PARTITION = Pattern.compile("counted_exchange_(\\d{8})");
    private static final Pattern DATE_RANGE = Pattern.compile("FROM \\('(\\d{4}-\\d{2}-\\d{2})'\\) TO \\('(\\d{4}-\\d{2}-\\d{2})'\\)");
    /** Days made ahead, so that the turn of a day (or a week) never waits for the hourly maintenance. */
    static final int DAYS_AHEAD = 2;

    /** An exchange to count, with the day it was appended to the log. */
    record Candidate(Exchange exchange, LocalDate appendedOn) {
    }

    /** What a claim found: the exchanges never counted before, and those whose id was counted saying something else. */
    record Claim(List<Exchange> fresh, List<Exchange> differing) {
    }

    /** A partition and the days it holds, from its first to before its end. */
    record Partition(String name, LocalDate from, LocalDate to) {

        boolean holds(LocalDate day) {
            return !day.isBefore(from) && day.isBefore(to);
        }
    }

    private final Pool pool;
    private final Admission admission;

    CountedIdRepository(Pool pool, Admission admission) {
        this.pool = pool;
        this.admission = admission;
    }

    /**
     * Records the ids not counted before and returns their exchanges; an id counted before is a resend if its
     * copy says the same, and differing if not. Candidates carry distinct ids (the aggregator judges copies
     * within a batch itself).
     */
    Uni<Claim> claim(SqlConnection connection, Collection<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(new Claim(List.of(), List.of()));
        }
        UUID[] ids = new UUID[candidates.size()];
        LocalDate[] days = new LocalDate[ids.length];
        Long[] fingerprints = new Long[ids.length];
        Map<UUID, Exchange> byId = new HashMap<>();
        int i = 0;
        for (Candidate candidate : candidates) {
            ids[i] = candidate.exchange().id();
            days[i] = candidate.appendedOn();
            fingerprints[i++] = candidate.exchange().fingerprint();
            byId.put(candidate.exchange().id(), candidate.exchange());
        }
        return connection.preparedQuery("WITH known AS (SELECT id, fingerprint FROM counted_exchange WHERE id = ANY($1)), "
                        + "fresh AS (INSERT INTO counted_exchange (id, appended_on, fingerprint) "
                        + "SELECT i, d, f FROM unnest($1::uuid[], $2::date[], $3::bigint[]) AS u(i, d, f) "
                        + "WHERE NOT EXISTS (SELECT 1 FROM known WHERE known.id = u.i) ON CONFLICT DO NOTHING RETURNING id) "
                        + "SELECT id, true, NULL::bigint FROM fresh UNION ALL SELECT id, false, fingerprint FROM known")
                .execute(Tuple.of(ids, days, fingerprints))
                .map(rows -> {
                    List<Exchange> fresh = new ArrayList<>();
                    List<Exchange> differing = new ArrayList<>();
                    for (Row row : rows) {
                        Exchange exchange = byId.get(row.getUUID(0));
                        Long counted = row.getLong(2);
                        if (row.getBoolean(1)) {
                            fresh.add(exchange);
                        } else if (counted != null && counted != exchange.fingerprint()) {
                            differing.add(exchange);
                        }
                    }
                    return new Claim(fresh, differing);
                });
    }

    /**
     * Makes partitions for every day counting may still append to, from the day it has reached (or yesterday)
     * to {@value #DAYS_AHEAD} days ahead of {@code today}, however long the service was down: a week each, or up
     * to the next partition already there (a table that had partitions of a day, say). Drops the partitions
     * named by a day whose every day counting has passed by more than the lateness window and a day. Partitions
     * not named by a day are left alone.
     */
    Uni<Void> maintainPartitions(LocalDate today, Optional<LocalDate> countedThrough) {
        LocalDate reached = countedThrough.filter(day -> day.isBefore(today)).orElse(today);
        LocalDate oldestKept = reached.minusDays(admission.lateness().toDays() + 1);
        return partitionRanges().chain(existing -> {
            List<String> statements = new ArrayList<>();
            List<Partition> kept = new ArrayList<>(existing);
            for (LocalDate day = reached.minusDays(1); !day.isAfter(today.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
                LocalDate wanted = day;
                if (kept.stream().anyMatch(p -> p.holds(wanted))) {
                    continue;
                }
                LocalDate end = kept.stream().map(Partition::from).filter(from -> from.isAfter(wanted))
                        .min(LocalDate::compareTo).filter(from -> from.isBefore(weekAfter(wanted))).orElse(weekAfter(wanted));
                statements.add("CREATE TABLE IF NOT EXISTS " + partitionOf(day) + " PARTITION OF counted_exchange FOR VALUES FROM ('"
                        + day + "') TO ('" + end + "')");
                kept.add(new Partition(partitionOf(day), day, end));
            }
            List<String> drops = existing.stream()
                    .filter(p -> DAY_PARTITION.matcher(p.name()).matches() && !p.to().isAfter(oldestKept))
                    .map(p -> "DROP TABLE IF EXISTS " + p.name())
                    .toList();
            statements.addAll(drops);
            return Multi.createFrom().iterable(statements)
                    .onItem().transformToUniAndConcatenate(sql -> pool.query(sql).execute())
                    .collect().last()
                    .invoke(() -> {
                        if (!drops.isEmpty()) {
                            LOG.infof("Forgot the ids of %d partition(s) past the de-duplication window", drops.size());
                        }
                    });
        }).replaceWithVoid();
    }

    /** The names of the table's partitions. */
    Uni<List<String>> partitions() {
        return partitionRanges().map(ranges -> ranges.stream().map(Partition::name).toList());
    }

    /** The table's partitions with their days; one of another kind (a default partition) has none and is left out of the days. */
    private Uni<List<Partition>> partitionRanges() {
        return pool.query("SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'counted_exchange' ORDER BY 1")
                .execute()
                .map(rows -> {
                    List<Partition> partitions = new ArrayList<>();
                    for (Row row : rows) {
                        Matcher range = DATE_RANGE.matcher(String.valueOf(row.getString(1)));
                        partitions.add(range.find() ? new Partition(row.getString(0), LocalDate.parse(range.group(1)),
                                LocalDate.parse(range.group(2))) : new Partition(row.getString(0), LocalDate.MAX, LocalDate.MAX));
                    }
                    return partitions;
                });
    }

    static String partitionOf(LocalDate day) {
        return "counted_exchange_" + SUFFIX.format(day);
    }

    /** The Monday after {@code day}: partitions end with the week. */
    static LocalDate weekAfter(LocalDate day) {
        return day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }
}
