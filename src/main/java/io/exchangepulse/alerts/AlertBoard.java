package io.exchangepulse.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alerts of this replica: the active ones, and those ended within the recent period. Every replica
 * judges the same counters, so each holds the same alerts; the live views read {@link #active()}.
 */
@ApplicationScoped
public class AlertBoard {

    /** Ended alerts kept at most, however many a noisy day makes. */
    static final int RECENT_LIMIT = 500;

    @Inject
    AlertsConfig config;

    private final Map<String, Alert> active = new LinkedHashMap<>();
    private final Deque<Alert> recent = new ArrayDeque<>();
    private volatile List<Alert> activeView = List.of();

    /**
     * One judgement of the subjects in {@code judged}: {@code flagged} are out of their band now (new ones
     * start, going ones take the latest figures); an active alert of a judged subject that is not flagged
     * has ended.
     */
    public synchronized void judged(Set<String> judged, Collection<Alert> flagged, Instant now) {
        Map<String, Alert> byId = new LinkedHashMap<>();
        flagged.forEach(alert -> byId.put(alert.id(), alert));
        for (var it = active.entrySet().iterator(); it.hasNext(); ) {
            Alert going = it.next().getValue();
            if (judged.contains(subjectOf(going.id())) && !byId.containsKey(going.id())) {
                recent.addFirst(going.ended(now));
                it.remove();
            }
        }
        byId.forEach((id, alert) -> active.merge(id, alert, Alert::continuedAs));
        Instant oldest = now.minus(config.recent());
        recent.removeIf(alert -> alert.endedAt().isBefore(oldest));
        while (recent.size() > RECENT_LIMIT) {
            recent.removeLast();
        }
        activeView = active.values().stream().sorted(Comparator.comparing(Alert::startedAt).reversed().thenComparing(Alert::id)).toList();
    }

    /** The active alerts, newest first; the same list object until something changes. */
    public List<Alert> active() {
        return activeView;
    }

    /** Ended alerts, the latest end first. */
    public synchronized List<Alert> recent() {
        return new ArrayList<>(recent);
    }

    /** An alert's subject within its id: everything but the kind, so that a surge turning to a lull ends the surge. */
    static String subjectOf(String id) {
        return id.substring(0, id.lastIndexOf(':'));
    }
}
