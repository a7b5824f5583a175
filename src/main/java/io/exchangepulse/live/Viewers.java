package io.exchangepulse.live;

import io.exchangepulse.platform.Draining;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The viewers connected to this replica, counted in a metric, and sent elsewhere when the replica stops. */
@ApplicationScoped
public class Viewers {

    private static final Logger LOG = Logger.getLogger(Viewers.class);
    /** RFC 6455: the endpoint is going away, as a server that is stopping. */
    private static final int GOING_AWAY = 1001;

    private final Map<String, Viewer> byId = new ConcurrentHashMap<>();
    /** Whose each connection is: a caller's connections are capped ({@link LiveAdmission}). */
    private final Map<String, String> callerById = new ConcurrentHashMap<>();

    @Inject
    Viewers(MeterRegistry metrics) {
        metrics.gaugeMapSize("pulse.live.viewers", List.of(), byId);
    }

    void add(Viewer viewer, String caller) {
        callerById.put(viewer.id(), caller);
        byId.put(viewer.id(), viewer);
    }

    long connectionsOf(String caller) {
        return callerById.values().stream().filter(caller::equals).count();
    }

    Viewer get(String id) {
        return byId.get(id);
    }

    void remove(String id) {
        byId.remove(id);
        callerById.remove(id);
    }

    Collection<Viewer> all() {
        return byId.values();
    }

    void disconnect(Viewer viewer, int code, String reason) {
        remove(viewer.id());
        viewer.close(code, reason).subscribe().with(ok -> { }, failure -> { });
    }

    /** Viewers are told "going away" (1001), so their dashboards reconnect to another replica at once. */
    void goingAway(@Observes Draining.Started event) {
        List<Uni<Void>> closing = new ArrayList<>();
        for (Viewer viewer : byId.values()) {
            closing.add(viewer.close(GOING_AWAY, "replica stopping").onFailure().recoverWithNull());
        }
        byId.clear();
        callerById.clear();
        if (!closing.isEmpty()) {
            Uni.join().all(closing).andCollectFailures().await().atMost(Duration.ofSeconds(5));
        }
        LOG.infof("Told %d viewers this replica is going away", closing.size());
    }
}
