package io.exchangepulse.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The audit trail's table ({@code audit_event}): appended in batches, read a page at a time, kept by the month. */
@ApplicationScoped
public class AuditRepository {

    private static final Logger LOG = Logger.getLogger(AuditRepository.class);
    private static final Pattern MONTH_PARTITION = Pattern.compile("audit_event_(\\d{4})(\\d{2})");

    @Inject
    Pool pool;

    Uni<Void> append(List<AuditEvent> events) {
        return pool.preparedQuery("INSERT INTO audit_event (at, who, party, via, action, target, source, status, detail) "
                        + "SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], "
                        + "$7::text[], $8::int[], $9::text[])")
                .execute(Tuple.from(Arrays.asList(
                        events.stream().map(e -> e.at().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new),
                        events.stream().map(AuditEvent::who).toArray(String[]::new),
                        events.stream().map(AuditEvent::party).toArray(String[]::new),
                        events.stream().map(AuditEvent::via).toArray(String[]::new),
                        events.stream().map(e -> e.action().name()).toArray(String[]::new),
                        events.stream().map(AuditEvent::target).toArray(String[]::new),
                        events.stream().map(AuditEvent::source).toArray(String[]::new),
                        events.stream().map(AuditEvent::status).toArray(Integer[]::new),
                        events.stream().map(AuditEvent::detail).toArray(String[]::new))))
                .replaceWithVoid();
    }

    /** The newest entries that match, before {@code before} (an id, for the next page), at most {@code limit}. */
    Uni<List<AuditEvent>> page(Optional<String> who, Optional<AuditAction> action, Optional<Instant> from, Optional<Instant> to,
                               Optional<Long> before, int limit) {
        return pool.preparedQuery("SELECT id, at, who, party, via, action, target, source, status, detail FROM audit_event "
                        + "WHERE ($1::text IS NULL OR who = $1) AND ($2::text IS NULL OR action = $2) "
                        + "AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4) "
                        + "AND ($5::bigint IS NULL OR id < $5) ORDER BY id DESC LIMIT $6")
                .execute(Tuple.from(Arrays.asList(who.orElse(null), action.map(Enum::name).orElse(null),
                        from.map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null), to.map(i -> i.atOffset(ZoneOffset.UTC)).orElse(null),
                        before.orElse(null), limit)))
                .map(rows -> {
                    List<AuditEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new AuditEvent(row.getLong("id"), row.getOffsetDateTime("at").toInstant(), row.getString("who"),
                                row.getString("party"), row.getString("via"), AuditAction.valueOf(row.getString("action")),
                                row.getString("target"), row.getString("source"), row.getInteger("status"), row.getString("detail")));
                    }
                    return events;
                });
    }

    /**
     * Makes this month's and next month's partitions, and drops those whose every day is older than the
     * retention: the only way anything leaves the trail.
     */
    Uni<Void> maintainPartitions(LocalDate today, LocalDate oldestKept) {
        YearMonth now = YearMonth.from(today);
        List<String> statements = new ArrayList<>();
        for (YearMonth month : List.of(now, now.plusMonths(1))) {
            statements.add("CREATE TABLE IF NOT EXISTS " + partitionOf(month) + " PARTITION OF audit_event FOR VALUES FROM ('"
                    + month.atDay(1) + "') TO ('" + month.plusMonths(1).atDay(1) + "')");
            // A partition does not inherit its parent's statement triggers: TRUNCATE is refused on each month too.
            statements.add("CREATE OR REPLACE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON " + partitionOf(month)
                    + " FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()");
        }
        return pool.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'audit_event'").execute()
                .map(rows -> {
                    List<String> drops = new ArrayList<>();
                    for (Row row : rows) {
                        Matcher month = MONTH_PARTITION.matcher(row.getString(0));
                        if (month.matches() && !YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)))
                                .plusMonths(1).atDay(1).isAfter(oldestKept)) {
                            drops.add("DROP TABLE IF EXISTS " + row.getString(0));
                        }
                    }
                    return drops;
                })
                .chain(drops -> {
                    statements.addAll(drops);
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (String sql : statements) {
                        all = all.chain(() -> pool.query(sql).execute().replaceWithVoid());
                    }
                    return all.invoke(() -> drops.forEach(drop -> LOG.infof("The audit trail's retention: %s", drop)));
                });
    }

    static String partitionOf(YearMonth month) {
        return String.format("audit_event_%04d%02d", month.getYear(), month.getMonthValue());
    }
}
