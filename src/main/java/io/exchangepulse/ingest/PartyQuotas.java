package io.exchangepulse.ingest;

import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.Party;
import io.exchangepulse.platform.CenterClock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What each party may send (src/docs/api.md, "Quotas"): exchanges per minute, operations opened and operation events per
 * day, counted in PostgreSQL so that every replica counts against the same budget. A request takes what it
 * needs of each of its quotas at once, or nothing: the party's rows are locked for it, so requests sent side by
 * side cannot all slip under a limit. What a request took is given back if Kafka does not take the request.
 */
@ApplicationScoped
public class PartyQuotas {

    private static final Logger LOG = Logger.getLogger(PartyQuotas.class);

    /** A quota: what it counts, over which window, and its limit in the configuration. */
    public enum Quota {
        EXCHANGES_PER_MINUTE(Grain.MINUTE, "exchanges this minute", IngestConfig.Quota::exchangesPerMinute),
        OPERATIONS_OPENED_PER_DAY(Grain.DAY, "operations opened today (the center's day)", IngestConfig.Quota::operationsOpenedPerDay),
        OPERATION_EVENTS_PER_DAY(Grain.DAY, "operation events today (the center's day)", IngestConfig.Quota::operationEventsPerDay);

        private final Grain window;
        private final String what;
        private final ToLongFunction<IngestConfig.Quota> limit;

        Quota(Grain window, String what, ToLongFunction<IngestConfig.Quota> limit) {
            this.window = window;
            this.what = what;
            this.limit = limit;
        }

        Instant windowOf(Instant now, CenterCalendar calendar) {
            return calendar.bucketOf(window, now);
        }

        /** What it counts, in words ("exchanges this minute"). */
        public String what() {
            return what;
        }
    }

    /** How much of a quota a request needs. */
    public record Use(Quota quota, long amount) {
    }

    /** A quota a request would exceed, and when its window ends. */
    public record Exceeded(Quota quota, long used, long limit, Duration retryAfter) {

        public String describe(Party party) {
            return party + " has used " + used + " of its " + limit + " " + quota.what;
        }
    }

    @Inject
    Pool pool;

    @Inject
    IngestConfig config;

    @Inject
    CenterClock clock;

    /** A quota's limit, as configured. */
    public long limit(Quota quota) {
        return quota.limit.applyAsLong(config.quota());
    }

    /** Takes every use from the party's quotas at {@code now}, or none of them and says which it would exceed. */
    public Uni<Optional<Exceeded>> take(Party party, List<Use> uses, Instant now) {
        List<Use> needed = uses.stream().filter(use -> use.amount() > 0).toList();
        if (needed.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String[] quotas = needed.stream().map(use -> use.quota().name()).toArray(String[]::new);
        OffsetDateTime[] windows = needed.stream().map(use -> use.quota().windowOf(now, clock.calendar()).atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
        Long[] amounts = needed.stream().map(Use::amount).toArray(Long[]::new);
        return pool.withTransaction(connection -> connection.preparedQuery("INSERT INTO party_quota (party, quota, window_start, used) "
                                + "SELECT $1, q, w, 0 FROM unnest($2::text[], $3::timestamptz[]) AS u(q, w) ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(party.name(), quotas, windows))
                        .chain(() -> connection.preparedQuery("SELECT quota, used FROM party_quota WHERE party = $1 "
                                        + "AND (quota, window_start) IN (SELECT * FROM unnest($2::text[], $3::timestamptz[])) FOR UPDATE")
                                .execute(Tuple.of(party.name(), quotas, windows)))
                        .chain(rows -> {
                            Map<String, Long> used = new HashMap<>();
                            for (Row row : rows) {
                                used.put(row.getString(0), row.getLong(1));
                            }
                            for (Use use : needed) {
                                long already = used.getOrDefault(use.quota().name(), 0L);
                                long limit = limit(use.quota());
                                if (already + use.amount() > limit) {
                                    Instant ends = clock.calendar().next(use.quota().window, use.quota().windowOf(now, clock.calendar()));
                                    return Uni.createFrom().item(Optional.of(new Exceeded(use.quota(), already, limit,
                                            Duration.between(now, ends))));
                                }
                            }
                            return connection.preparedQuery("UPDATE party_quota SET used = used + u.a "
                                            + "FROM unnest($2::text[], $3::timestamptz[], $4::bigint[]) AS u(q, w, a) "
                                            + "WHERE party = $1 AND quota = u.q AND window_start = u.w")
                                    .execute(Tuple.of(party.name(), quotas, windows, amounts))
                                    .replaceWith(Optional.<Exceeded>empty());
                        }));
    }

    /** Gives back what a request took, when it was not accepted after all. */
    public Uni<Void> giveBack(Party party, List<Use> uses, Instant now) {
        List<Use> taken = uses.stream().filter(use -> use.amount() > 0).toList();
        return pool.preparedQuery("UPDATE party_quota SET used = greatest(0, used - u.a) "
                        + "FROM unnest($2::text[], $3::timestamptz[], $4::bigint[]) AS u(q, w, a) "
                        + "WHERE party = $1 AND quota = u.q AND window_start = u.w")
                .execute(Tuple.of(party.name(), taken.stream().map(use -> use.quota().name()).toArray(String[]::new),
                        taken.stream().map(use -> use.quota().windowOf(now, clock.calendar()).atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new),
                        taken.stream().map(Use::amount).toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /** Windows past are of no use: those that began more than two days ago are deleted. */
    @Scheduled(every = "PT10M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetPastWindows() {
        return pool.preparedQuery("DELETE FROM party_quota WHERE window_start < $1")
                .execute(Tuple.of(clock.instant().minus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC)))
                .onFailure().invoke(e -> LOG.debugf("Forgetting past quota windows failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
