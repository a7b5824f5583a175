package io.exchangepulse.alerts;

import io.exchangepulse.aggregate.CountingProgress;
import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.platform.CenterClock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
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
 * Judges activity every {@code exchangepulse.alerts.interval}: each task force and each crime area, in each
 * window, against its band (src/docs/api.md, "Alerts"); and the pipeline, against the stall limit. A replica that
 * cannot read the counters judges nothing that round: its alerts stay as they were.
 */
@ApplicationScoped
public class AlertMonitor {

    private static final Logger LOG = Logger.getLogger(AlertMonitor.class);
    static final String PIPELINE = "PIPELINE:counting:PT0S";
    private static final Map<String, TaskForce> TASK_FORCES = Arrays.stream(TaskForce.values())
            .collect(Collectors.toMap(Enum::name, taskForce -> taskForce, (a, b) -> a, LinkedHashMap::new));
    private static final Map<String, TaskForce> CRIME_AREAS = Arrays.stream(CrimeArea.values())
            .collect(Collectors.toMap(Enum::name, CrimeArea::taskForce, (a, b) -> a, LinkedHashMap::new));

    @Inject
    AlertsConfig config;

    @Inject
    ActivityRepository activity;

    @Inject
    AlertBoard board;

    @Inject
    CountingProgress counting;

    @Inject
    CenterClock clock;

    @ConfigProperty(name = "exchangepulse.aggregate.stall-limit", defaultValue = "PT2M")
    Duration stallLimit;

    @Scheduled(every = "${exchangepulse.alerts.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return judge(clock.instant())
                .onFailure().invoke(e -> LOG.debugf("Judging activity failed, trying again: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** One round of judgement as of {@code now}. */
    public Uni<Void> judge(Instant now) {
        List<Uni<List<Alert>>> rounds = new ArrayList<>();
        // Filled by the rounds as they complete, on whichever thread answers.
        Set<String> judged = ConcurrentHashMap.newKeySet();
        config.windows().values().forEach(window -> {
            rounds.add(round(CounterFamily.TASK_FORCE, Alert.Subject.TASK_FORCE, TASK_FORCES, window, judged, now));
            rounds.add(round(CounterFamily.CRIME_AREA_KIND, Alert.Subject.CRIME_AREA, CRIME_AREAS, window, judged, now));
        });
        return Uni.join().all(rounds).andFailFast().invoke(found -> {
            List<Alert> flagged = new ArrayList<>();
            found.forEach(flagged::addAll);
            judged.add(PIPELINE);
            stalled(now).ifPresent(flagged::add);
            board.judged(judged, flagged, now);
        }).replaceWithVoid();
    }

    /** One family's subjects (code to task force) judged in one window. */
    private Uni<List<Alert>> round(CounterFamily family, Alert.Subject subject, Map<String, TaskForce> subjects,
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
        Alert.Kind kind = observed > b.high() && observed >= config.minimumSurge() ? Alert.Kind.SURGE
                : observed < b.low() && b.expected() >= config.minimumExpected() ? Alert.Kind.LULL : null;
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
        return Optional.of(new Alert(PIPELINE + ":" + Alert.Kind.STALLED, Alert.Kind.STALLED, Alert.Subject.PIPELINE, null, null,
                Duration.ZERO, now, null, delay.toSeconds(), 0, 0, stallLimit.toSeconds(), 0, null));
    }
}
