package io.exchangepulse.platform;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this replica is stopping. On SIGTERM Quarkus first reports not ready (for the shutdown delay,
 * while load balancers take the pod out), then shuts down; from the first of the two, ingest answers
 * 503 with Retry-After and viewers are sent to another replica.
 */
@ApplicationScoped
public class Draining {

    /** Fired once, when this replica starts to stop. */
    public record Started() {
    }

    private final AtomicBoolean draining = new AtomicBoolean();

    @Inject
    Event<Started> started;

    void onDelay(@Observes ShutdownDelayInitiatedEvent event) {
        begin();
    }

    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        begin();
    }

    private void begin() {
        if (draining.compareAndSet(false, true)) {
            started.fire(new Started());
        }
    }

    public boolean isDraining() {
        return draining.get();
    }
}
