package io.exchangepulse.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.platform.Tracing;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps {@link LiveCounters} current: a snapshot at start, then every delta of the delta topic (this
 * replica reads it in a consumer group of its own, so every replica sees every delta). A gap in the
 * position chain, or positions in PostgreSQL that stay ahead of the view, mean a delta was lost: the
 * view reloads.
 */
@ApplicationScoped
public class LiveDeltaConsumer {

    private static final Logger LOG = Logger.getLogger(LiveDeltaConsumer.class);

    @Inject
    LiveCounters counters;

    @Inject
    LiveTicker ticker;

    @Inject
    LiveSnapshotRepository snapshots;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    Tracing tracing;

    @Inject
    BroadcastTraces traces;

    private final AtomicBoolean reloading = new AtomicBoolean();
    private final MissedDeltaCheck missedDeltas = new MissedDeltaCheck();

    /** Viewers should find the view loaded; if the database is not there yet, {@link #reconcile} loads it later. */
    void atStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 3) StartupEvent event) {
        reload().onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(60));
    }

    @Incoming("live-deltas")
    public Uni<Void> apply(ConsumerRecord<String, byte[]> record) {
        CountsDelta delta;
        try {
            delta = mapper.readValue(record.value(), CountsDelta.class);
        } catch (IOException e) {
            LOG.warnf("Ignored a delta that cannot be read: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        if (delta.reload()) {
            LOG.info("Counts changed outside counting; reloading the live view");
            return reload();
        }
        switch (counters.apply(delta, clock.instant())) {
            case APPLIED -> {
                // Only this consumer applies deltas, so the version just made holds this one (a reload in between
                // makes a later version, which holds it too).
                traces.applied(counters.version(), tracing.carried(record.headers()));
                ticker.tickSoon();
            }
            case GAP -> {
                LOG.infof("Missed a delta (chain broken at %s); reloading the live view", delta.spans());
                return reload();
            }
            case ALREADY_INCLUDED -> {
                // the snapshot the view was loaded from already holds it
            }
        }
        return Uni.createFrom().voidItem();
    }

    /** Catches a lost delta that no later delta reveals (the partition went quiet after it). */
    @Scheduled(every = "${exchangepulse.live.reconcile:PT10S}", delayed = "${exchangepulse.live.reconcile:PT10S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        if (!counters.loaded()) {
            return reload().onFailure().recoverWithNull();
        }
        return snapshots.storedPositions()
                .chain(stored -> missedDeltas.missed(stored, counters.positions()) ? reload() : Uni.createFrom().voidItem())
                .onFailure().invoke(e -> LOG.debugf("Reconciling the live view failed: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    Uni<Void> reload() {
        if (!reloading.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return snapshots.load(clock.instant())
                .invoke(snapshot -> {
                    counters.reset(snapshot, clock.instant());
                    ticker.tickSoon();
                })
                .onFailure().invoke(e -> LOG.warnf("Loading the live view failed: %s", e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .onTermination().invoke(() -> reloading.set(false))
                .replaceWithVoid();
    }
}
