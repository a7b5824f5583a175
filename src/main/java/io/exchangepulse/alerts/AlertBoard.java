package io.exchangepulse.alerts;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * This replica's copy of the alerts PostgreSQL holds, read again after every round (see {@link AlertMonitor}), so
 * that the live views and the API of every replica show the same alerts with the same start.
 */
@ApplicationScoped
public class AlertBoard {

    private volatile AlertRepository.Current current = new AlertRepository.Current(List.of(), List.of());

    void show(AlertRepository.Current read) {
        // An equal list stays the same object: the live views render again only when something changed.
        if (!read.equals(current)) {
            current = read;
        }
    }

    /** The active alerts, newest first; the same list object until something changes. */
    public List<Alert> active() {
        return current.active();
    }

    /** Ended alerts, the latest end first. */
    public List<Alert> recent() {
        return current.recent();
    }
}
