package io.exchangepulse.alerts;

import io.exchangepulse.aggregate.CountingProgress;
import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.domain.AlertKind;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.platform.CenterClock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Judges activity once a round ({@code exchangepulse.alerts.interval}), whichever replica does it: each task force and
 * each crime area, in each of the configured windows, against its band (src/docs/api.md, "Alerts"); and the pipeline,
 * against the stall limit. What a round finds is stored (V16__alerts.sql), and every replica shows what is stored.
 *
 * <p>The claim of a round is a row inserted in the very transaction that writes what the round found. A replica
 * that dies or fails mid-judgement takes its claim with it (PostgreSQL rolls back the transaction of a connection
 * that is gone, or idle longer than {@code judgement-limit}), and another replica judges the round: no round is
 * judged twice, none is lost to a dead holder, and no lease has an expiry to tune against clocks. A lease row with
 * an expiry, claimed apart from the judgement, would either lose the round of a holder that died or let a slow
 * holder and its successor both write.
 *
 * <p>Every replica tries to claim each round within a second of its start ({@code watch}). The claim of one that
 * loses waits on the winner's uncommitted row and returns once it is committed, so every replica reads the new
 * judgement within moments of it, with no polling in between and nothing more on the deltas topic (whose records
 * are counts, read by replicas of other versions during a rolling deploy).
 */
@ApplicationScoped
public class AlertMonitor {

    private static final Logger LOG = Logger.getLogger(AlertMonitor.class);
    static final String PIPELINE = "PIPELINE:counting:PT0S";
    /** Who judged a round, in its row: the pod (or host) and the process. */
    private static final String HOLDER = System.getenv().getOrDefault("HOSTNAME", "localhost") + "/" + ProcessHandle.current().pid();
    private static final Map<String, TaskForce> TASK_FORCES = Arrays.stream(TaskForce.values())
            .collect(Collectors.toMap(Enum::name, taskForce -> taskForce, (a, b) -> a, LinkedHashMap::new));
    private static final Map<String, TaskForce> CRIME_AREAS = Arrays.stream(CrimeArea.values())
            .collect(Collectors.toMap(Enum::name, CrimeArea::taskForce, (a, b) -> a, LinkedHashMap::new));

    @Inject
    AlertsConfig config;

    @Inject
    ActivityRepository activity;

    @Inject
    AlertRepository alerts;

    @Inject
    AlertBoard board;

    @Inject
    CountingProgress counting;

    @Inject
    Pool pool;

    @Inject
    CenterClock clock;

    @ConfigProperty(name = "exchangepulse.aggregate.stall-limit", defaultValue = "PT2M")
    Duration stallLimit;

    /** The last round this replica judged or saw judged; the watch's alone, which never overlaps itself. */
    private volatile Instant lastRound;

    @Scheduled(every = "${exchangepulse.alerts.watch}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> watch() {
        Instant round = roundOf(clock.instant());
        if (round.equals(lastRound)) {
            return Uni.createFrom().voidItem();
        }
        // A round that could not be judged or read (the database away) is tried again at the next look.
        return judge(round)
                .invoke(() -> lastRound = round)
                .onFailure().invoke(e -> LOG.debugf("Judging the alerts' round %s failed, trying again: %s", round, e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** The round under way at {@code now}: whole intervals since the epoch, the same on every replica. */
    Instant roundOf(Instant now) {
        long length = config.interval().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    /**
     * Judges activity as of {@code round} unless some replica has already, then shows what PostgreSQL holds: true if
     * this call judged it.
     */
    public Uni<Boolean> judge(Instant round) {
        return pool.withTransaction(connection -> alerts.claim(connection, round, HOLDER, config.judgementLimit())
                        .chain(claimed -> claimed ? judged(connection, round).replaceWith(true) : Uni.createFrom().item(false)))
                .call(() -> alerts.current(round.minus(config.recent()), config.recentLimit()).invoke(board::show));
    }

    /** The round's judgement written in the claim's transaction, and what has passed the retention forgotten. */
    private Uni<Void> judged(SqlConnection connection, Instant round) {
        return findings(round)
                .chain(judgement -> alerts.activeForJudgement(connection)
                        .chain(active -> alerts.record(connection, round, judgement.against(active))))
                .chain(() -> alerts.forget(connection, round.minus(config.history())));
    }

    /** Every subject judged as of {@code now}; a family whose counters cannot be read fails the whole judgement. */
    private Uni<Judgement> findings(Instant now) {
        List<Uni<List<Alert>>> families = new ArrayList<>();
        // Filled by the families as they complete, on whichever thread answers.
        Set<String> judged = ConcurrentHashMap.newKeySet();
        config.windows().values().forEach(window -> {
            families.add(family(CounterFamily.TASK_FORCE, Alert.Subject.TASK_FORCE, TASK_FORCES, window, judged, now));
            families.add(family(CounterFamily.CRIME_AREA_KIND, Alert.Subject.CRIME_AREA, CRIME_AREAS, window, judged, now));
        });
        return Uni.join().all(families).andFailFast().map(found -> {
            List<Alert> flagged = new ArrayList<>();
            found.forEach(flagged::addAll);
            judged.add(PIPELINE);
            stalled(now).ifPresent(flagged::add);
            return new Judgement(now, Set.copyOf(judged), flagged);
        });
    }

    /** One family's subjects (code to task force) judged in one window. */
    private Uni<List<Alert>> family(CounterFamily family, Alert.Subject subject, Map<String, TaskForce> subjects,
                                    AlertsConfig.Window window, Set<String> judged, Instant now) {
        return activity.activity(family, window, now).map(found -> {
            List<Alert> alerts = new ArrayList<>();
            subjects.forEach((code, taskForce) -> judge(subject, code, taskForce, window, found, judged, now).ifPresent(alerts::add));
            return alerts;
        });
    }

    private Optional<Alert> judge(Alert.Subject subject, String code, TaskForce taskForce, AlertsConfig.Window window,
                                  ActivityRepository.Activity found, Set<String> judged, Instant now) {
        String id = subject + ":" + code + ":" + window.length();
        Optional<Band> band = Band.of(found.historyOf(code), window.halfLife(), config.sigmasFor(taskForce.name()), config.minimumHistory());
        if (band.isEmpty()) {
            return Optional.empty();
        }
        judged.add(id);
        long observed = found.observed().getOrDefault(code, 0L);
        Band b = band.get();
        AlertKind kind = observed > b.high() && observed >= config.minimumSurge() ? AlertKind.SURGE
                : observed < b.low() && b.expected() >= config.minimumExpected() ? AlertKind.LULL : null;
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.of(new Alert(id + ":" + kind, kind, subject, code, taskForce, window.length(), now, null, observed,
                b.expected(), b.low(), b.high(), b.sigmasOff(observed), found.lastYear().get(code)));
    }

    private Optional<Alert> stalled(Instant now) {
        Duration delay = counting.standing().delay();
        if (delay.compareTo(stallLimit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Alert(PIPELINE + ":" + AlertKind.STALLED, AlertKind.STALLED, Alert.Subject.PIPELINE, null, null,
                Duration.ZERO, now, null, delay.toSeconds(), 0, 0, stallLimit.toSeconds(), 0, null));
    }
}
