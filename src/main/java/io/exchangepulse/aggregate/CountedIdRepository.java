package io.exchangepulse.aggregate;

import io.exchangepulse.domain.Admission;
import io.exchangepulse.domain.Exchange;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids already counted ({@code counted_exchange}), so that a resent exchange is counted once. The table
 * is partitioned by the day each exchange was appended to the log. A resend can only be counted while its
 * exchange is at most the lateness window old ({@link Admission}), so a day is kept until counting has
 * passed it by that window and a day more, however far behind counting is: a resend is never counted
 * twice. Forgetting a day is a DROP, not a DELETE of millions of rows.
 */
@ApplicationScoped
public class CountedIdRepository {

    private static final Logger LOG = Logger.getLogger(CountedIdRepository.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern DAY_PARTITION = Pattern.compile("counted_exchange_(\\d{8})");
    /** Made ahead, so that the turn of a day never waits for the hourly maintenance. */
    static final int DAYS_AHEAD = 2;

    /** An exchange to count, with the day it was appended to the log. */
    record Candidate(Exchange exchange, LocalDate appendedOn) {
    }

    private final Pool pool;
    private final Admission admission;

    CountedIdRepository(Pool pool, Admission admission) {
        this.pool = pool;
        this.admission = admission;
    }

    /** Records the ids as counted and returns the exchanges not counted before. */
    Uni<List<Exchange>> claimNew(SqlConnection connection, Collection<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = new UUID[candidates.size()];
        LocalDate[] days = new LocalDate[ids.length];
        LocalDate[] firsts = new LocalDate[ids.length];
        LocalDate[] lasts = new LocalDate[ids.length];
        int i = 0;
        for (Candidate candidate : candidates) {
            Admission.ArrivalDays could = admission.arrivalDays(candidate.exchange().occurredAt());
            ids[i] = candidate.exchange().id();
            days[i] = candidate.appendedOn();
            firsts[i] = could.first();
            lasts[i++] = could.last();
        }
        // An earlier copy can only be in the partitions of the days it could have arrived on: bounding the probe
        // by them lets PostgreSQL prune the others for each id (live traffic: today's and the days ahead).
        return connection.preparedQuery("INSERT INTO counted_exchange (id, appended_on) "
                        + "SELECT i, d FROM unnest($1::uuid[], $2::date[], $3::date[], $4::date[]) AS u(i, d, first, last) "
                        + "WHERE NOT EXISTS (SELECT 1 FROM counted_exchange c "
                        + "WHERE c.id = u.i AND c.appended_on >= u.first AND c.appended_on <= u.last) "
                        + "ON CONFLICT DO NOTHING RETURNING id")
                .execute(Tuple.of(ids, days, firsts, lasts))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    for (Row row : rows) {
                        fresh.add(row.getUUID(0));
                    }
                    return candidates.stream().map(Candidate::exchange).filter(e -> fresh.contains(e.id())).toList();
                });
    }

    /**
     * Makes a partition for every day counting may still append to, from the day it has reached (or yesterday)
     * to {@value #DAYS_AHEAD} days ahead of {@code today}, however long the service was down; drops the day
     * partitions that counting has passed by more than the lateness window and a day. Partitions not named by
     * a day are left alone.
     */
    Uni<Void> maintainPartitions(LocalDate today, Optional<LocalDate> countedThrough) {
        LocalDate reached = countedThrough.filter(day -> day.isBefore(today)).orElse(today);
        List<String> statements = new ArrayList<>();
        for (LocalDate day = reached.minusDays(1); !day.isAfter(today.plusDays(DAYS_AHEAD)); day = day.plusDays(1)) {
            statements.add("CREATE TABLE IF NOT EXISTS " + partitionOf(day)
                    + " PARTITION OF counted_exchange FOR VALUES FROM ('" + day + "') TO ('" + day.plusDays(1) + "')");
        }
        LocalDate oldestKept = reached.minusDays(admission.lateness().toDays() + 1);
        return partitions()
                .map(names -> names.stream()
                        .filter(name -> dayOf(name).map(day -> day.isBefore(oldestKept)).orElse(false))
                        .map(name -> "DROP TABLE IF EXISTS " + name)
                        .toList())
                .chain(drops -> {
                    statements.addAll(drops);
                    return Multi.createFrom().iterable(statements)
                            .onItem().transformToUniAndConcatenate(sql -> pool.query(sql).execute())
                            .collect().last()
                            .invoke(() -> {
                                if (!drops.isEmpty()) {
                                    LOG.infof("Forgot the ids of %d day(s) past the de-duplication window", drops.size());
                                }
                            });
                })
                .replaceWithVoid();
    }

    /** The names of the table's partitions. */
    Uni<List<String>> partitions() {
        return pool.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'counted_exchange' ORDER BY 1")
                .execute()
                .map(rows -> {
                    List<String> names = new ArrayList<>();
                    rows.forEach(row -> names.add(row.getString(0)));
                    return names;
                });
    }

    static String partitionOf(LocalDate day) {
        return "counted_exchange_" + SUFFIX.format(day);
    }

    private static Optional<LocalDate> dayOf(String partition) {
        Matcher matcher = DAY_PARTITION.matcher(partition);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(matcher.group(1), SUFFIX));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
