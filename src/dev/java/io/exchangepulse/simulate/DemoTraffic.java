package io.exchangepulse.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.identity.Caller;
import io.exchangepulse.identity.Role;
import io.exchangepulse.ingest.Ingestion;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gentle stream of the one-command run, so that a newcomer sees numbers move: every second, a few
 * seed-shaped exchanges through the same ingest path as a POST.
 */
@ApplicationScoped
public class DemoTraffic {

    private static final Logger LOG = Logger.getLogger(DemoTraffic.class);
    /** The one-command run itself, which may send as any party. */
    static final Caller SENDER = new Caller("exchange-pulse", EnumSet.of(Role.ADMIN), Optional.empty(), Optional.empty(),
            EnumSet.noneOf(TaskForce.class));

    @ConfigProperty(name = "exchangepulse.simulate.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "exchangepulse.simulate.per-second", defaultValue = "5")
    int perSecond;

    @Inject
    Ingestion ingestion;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    private final SeedShapedTraffic traffic = new SeedShapedTraffic(System.nanoTime(), Instant.now());

    @Scheduled(every = "1s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() throws JsonProcessingException {
        if (!enabled) {
            return;
        }
        List<Map<String, Object>> batch = new ArrayList<>(perSecond);
        for (int i = 0; i < perSecond; i++) {
            batch.add(traffic.next(clock.instant()));
        }
        try {
            ingestion.exchanges(new ByteArrayInputStream(mapper.writeValueAsBytes(batch)), false, SENDER);
        } catch (RuntimeException e) {
            LOG.debugf("Demo traffic paused: %s", e.getMessage());
        }
    }
}
