package io.exchangepulse.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one round of judgement found: the subjects it could judge ({@code judged}, as alert ids without their
 * kind) and those of them out of their band ({@code flagged}, each an alert starting at the round).
 */
record Judgement(Instant round, Set<String> judged, List<Alert> flagged) {

    /** What a round did to an alert; the stored history holds one per alert and round. */
    enum Change {
        RAISED,
        STILL_RAISED,
        CLEARED
    }

    /** An alert as a round left it: raised from it, still raised with its figures, or cleared at it. */
    record Changed(Change change, Alert alert) {
    }

    /**
     * The changes to the {@code active} alerts: a flagged alert that is active goes on from its start with the latest
     * figures, one that is not is raised; an active alert of a judged subject that is not flagged is cleared (so a
     * surge turning to a lull clears the surge). An active alert whose subject could not be judged stays as it is.
     */
    List<Changed> against(Collection<Alert> active) {
        Map<String, Alert> going = new LinkedHashMap<>();
        active.forEach(alert -> going.put(alert.id(), alert));
        List<Changed> changes = new ArrayList<>();
        for (Alert alert : flagged) {
            Alert before = going.remove(alert.id());
            changes.add(before == null ? new Changed(Change.RAISED, alert) : new Changed(Change.STILL_RAISED, before.continuedAs(alert)));
        }
        for (Alert alert : going.values()) {
            if (judged.contains(subjectOf(alert.id()))) {
                changes.add(new Changed(Change.CLEARED, alert.ended(round)));
            }
        }
        return changes;
    }

    /** An alert's subject within its id: everything but the kind. */
    static String subjectOf(String id) {
        return id.substring(0, id.lastIndexOf(':'));
    }
}
