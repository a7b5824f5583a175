package io.exchangepulse.audit;

import io.exchangepulse.platform.Failures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who did or read what (src/docs/operations.md, "The audit trail"). Every entry is written at once as a structured
 * log line (the logger {@code io.exchangepulse.audit}, its fields in the MDC: JSON on the cluster), and appended to
 * PostgreSQL in batches a second apart, so that no request waits for the trail. While the database is away,
 * entries wait in memory up to a bound, past which the oldest are dropped and counted
 * ({@code pulse_audit_dropped_total}); the log line of each was written all the same.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Logger AUDIT = Logger.getLogger("io.exchangepulse.audit");
    private static final int BATCH = 2_000;
    /** Quarkus OIDC's mark of a request whose tokens were just renewed (OidcIdentityProvider's, not public). */
    private static final String REFRESH_TOKEN_GRANT_RESPONSE = "refresh_token_grant_response";

    @Inject
    AuditRepository repository;

    @Inject
    AuditConfig config;

    @Inject
    Clock clock;

    private final ConcurrentLinkedDeque<AuditEvent> waiting = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Counter dropped;

    @Inject
    AuditTrail(MeterRegistry metrics) {
        dropped = metrics.counter("pulse.audit.dropped");
        metrics.gauge("pulse.audit.waiting", size);
    }

    /** Records one entry; {@code who} is a caller's name, never a credential. */
    public void record(String who, String party, String via, AuditAction action, String target, String source, int status,
                       String detail) {
        AuditEvent event = new AuditEvent(0, clock.instant(), printable(who), printable(party), via, action, printable(target),
                printable(source), status, printable(detail));
        log(event);
        waiting.addLast(event);
        if (size.incrementAndGet() > config.maxWaiting() && waiting.pollFirst() != null) {
            size.decrementAndGet();
            dropped.increment();
        }
    }

    /** Records an entry for the caller {@code identity} (null or anonymous: nobody signed in). */
    public void record(SecurityIdentity identity, String via, AuditAction action, String target, String source, int status, String detail) {
        boolean anonymous = identity == null || identity.isAnonymous();
        String party = !anonymous && identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("party") != null
                ? String.valueOf(token.<Object>getClaim("party")) : null;
        record(anonymous ? "anonymous" : identity.getPrincipal().getName(), party, anonymous ? "anonymous" : via, action, target,
                source, status, detail);
    }

    /** An address without its port ("10.1.2.3:5678", "[::1]:5678"): where a caller came from is its host. */
    public static String host(String address) {
        if (address == null) {
            return null;
        }
        int colon = address.lastIndexOf(':');
        boolean port = colon > 0 && colon < address.length() - 1 && address.substring(colon + 1).chars().allMatch(Character::isDigit)
                && (address.indexOf(':') == colon || address.charAt(colon - 1) == ']');
        String host = port ? address.substring(0, colon) : address;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A browser signed in (its session begins), or its session's tokens were renewed. */
    void signedIn(@Observes SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN || event.getSecurityIdentity() == null) {
            return;
        }
        SecurityIdentity identity = event.getSecurityIdentity();
        // Quarkus OIDC keeps the request an identity was made in among its attributes, and marks in it a renewal,
        // which it also announces as a login.
        RoutingContext context = identity.getAttribute(RoutingContext.class.getName());
        boolean renewal = context != null && Boolean.TRUE.equals(context.get(REFRESH_TOKEN_GRANT_RESPONSE));
        String tenant = identity.getAttribute("tenant-id");
        record(identity, tenant == null ? "session" : tenant.equals("kiosk") ? "kiosk" : "session",
                renewal ? AuditAction.SESSION_RENEWED : AuditAction.SIGN_IN,
                context == null ? "sign-in" : (renewal ? "renewal at " : "sign-in at ") + context.normalizedPath(),
                context == null ? null : context.request().remoteAddress().hostAddress(), 200, null);
    }

    @Scheduled(every = "${exchangepulse.audit.flush-interval:PT1S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        List<AuditEvent> batch = new ArrayList<>();
        for (AuditEvent event; batch.size() < BATCH && (event = waiting.pollFirst()) != null; ) {
            batch.add(event);
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        size.addAndGet(-batch.size());
        return repository.append(batch)
                .onFailure(Failures::isTransient).invoke(e -> {
                    LOG.debugf("The audit trail waits for PostgreSQL (%d entries): %s", batch.size(), e.toString());
                    for (int i = batch.size() - 1; i >= 0; i--) {
                        waiting.addFirst(batch.get(i));
                    }
                    size.addAndGet(batch.size());
                })
                .onFailure(Failures::isTransient).recoverWithNull()
                // The database refuses what the batch holds (a month without its partition, say): the partitions are
                // made, and each entry tried on its own, so that one entry can never hold the trail up.
                .onFailure().recoverWithUni(refused -> keepPartitions().chain(() -> one(batch, 0)));
    }

    private Uni<Void> one(List<AuditEvent> batch, int index) {
        if (index == batch.size()) {
            return Uni.createFrom().voidItem();
        }
        AuditEvent event = batch.get(index);
        return repository.append(List.of(event))
                .onFailure().invoke(e -> {
                    dropped.increment();
                    LOG.errorf("An audit entry could not be stored (its log line stands): %s %s by %s: %s", event.action(),
                            event.target(), event.who(), e.toString());
                })
                .onFailure().recoverWithNull()
                .chain(() -> one(batch, index + 1));
    }

    /** No control character reaches the trail: PostgreSQL refuses some, and none belongs in a name or an address. */
    static String printable(String text) {
        return text == null ? null : text.replaceAll("\\p{Cntrl}", "?");
    }

    /** This month's and next month's partitions made, and months past the retention dropped. */
    @Scheduled(every = "PT1H", delayed = "PT1H")
    Uni<Void> keepPartitions() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return repository.maintainPartitions(today, today.minusDays(config.retention().toDays()))
                .onFailure().invoke(e -> LOG.warnf("Keeping the audit trail's partitions failed: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    void start(@Observes StartupEvent event) {
        keepPartitions().subscribe().with(ok -> { }, e -> { });
    }

    /** What is recorded before the end is written before the end. */
    void stop(@Observes ShutdownEvent event) {
        flush().await().atMost(Duration.ofSeconds(5));
    }

    private static void log(AuditEvent event) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("audit.who", event.who());
        fields.put("audit.party", event.party());
        fields.put("audit.via", event.via());
        fields.put("audit.action", event.action().name());
        fields.put("audit.target", event.target());
        fields.put("audit.source", event.source());
        fields.put("audit.status", event.status());
        fields.put("audit.detail", event.detail());
        fields.forEach((key, value) -> {
            if (value != null) {
                MDC.put(key, value);
            }
        });
        try {
            AUDIT.infof("%s %s by %s (%s%s) from %s: %d%s", event.action(), event.target(), event.who(), event.via(),
                    event.party() == null ? "" : ", " + event.party(), event.source(), event.status(),
                    event.detail() == null ? "" : ", " + event.detail());
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }
}
