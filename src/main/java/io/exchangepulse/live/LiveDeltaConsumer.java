package io.exchangepulse.live;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.counters.LiveRows;
import io.exchangepulse.platform.CenterClock;
import io.exchangepulse.platform.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps {@link LiveCounters} current: a snapshot at start, then every delta of the delta topic (this
 * replica reads it in a consumer group of its own, so every replica sees every delta). A gap in the
 * position chain, or positions in PostgreSQL that stay ahead of the view, mean a delta was lost: the
 * view reloads.
 *
 * <p>In a rolling deploy the deltas may come from a replica of another version. Fields and codes this one
 * does not know are passed over (a row of a family it does not know is not its views' business); a delta
 * that does not say it carries every live row this replica keeps (an older one), or of a newer format, or
 * that cannot be read at all, is never just dropped: the view reloads from PostgreSQL, at most once per
 * {@code exchangepulse.live.foreign-delta-reload}, so no view is starved while versions are mixed.
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
    CenterClock clock;

    @Inject
    Tracing tracing;

    @Inject
    BroadcastTraces traces;

    @Inject
    MeterRegistry metrics;

    @Inject
    LiveConfig config;

    private final AtomicBoolean reloading = new AtomicBoolean();
    private final MissedDeltaCheck missedDeltas = new MissedDeltaCheck();
    private final List<LiveRows> live = CounterFamily.allLive();
    private volatile Instant lastForeignReload = Instant.MIN;
    private volatile int lastForeignFormat = CountsDelta.FORMAT;
    /** A foreign delta came within the reload interval: the next reconcile reloads. */
    private volatile boolean stale;
    private ObjectReader reader;

    /** Viewers should find the view loaded; if the database is not there yet, {@link #reconcile} loads it later. */
    void atStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 3) StartupEvent event) {
        reload().onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(60));
    }

    @Incoming("live-deltas")
    public Uni<Void> apply(ConsumerRecord<String, byte[]> record) {
        CountsDelta delta;
        try {
            delta = reader.readValue(record.value());
        } catch (IOException e) {
            return foreign("cannot be read (" + e.getMessage().lines().findFirst().orElse("") + ")", -1);
        }
        if (delta.reload()) {
            LOG.info("Counts changed outside counting; reloading the live view");
            return reload();
        }
        if (delta.format() > CountsDelta.FORMAT) {
            return foreign("is of format " + delta.format() + ", newer than this replica's " + CountsDelta.FORMAT, delta.format());
        }
        List<CountsDelta.Row> known = delta.rows().stream()
                .filter(row -> row.key() != null && row.key().family() != null && row.key().grain() != null)
                .toList();
        CountsDelta readable = known.size() == delta.rows().size() ? delta
                : new CountsDelta(delta.format(), delta.carries(), delta.spans(), delta.newestIngestedAt(), known, false);
        switch (counters.apply(readable, horizon())) {
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
        return delta.carriesAll(live) ? Uni.createFrom().voidItem()
                : foreign("does not say it carries every live row this replica keeps", Math.max(1, delta.format()));
    }

    /**
     * A delta from a replica of another version that this one cannot rely on: reloads from PostgreSQL, at most
     * once per {@link LiveConfig#foreignDeltaReload()} (the deltas after it are applied meanwhile; {@link #reconcile} catches
     * the last), and says so once per format seen.
     */
    private Uni<Void> foreign(String why, int format) {
        metrics.counter("pulse.live.deltas.foreign").increment();
        if (format != lastForeignFormat) {
            lastForeignFormat = format;
            LOG.infof("A delta %s: a replica of another version publishes; the live view reloads from PostgreSQL at most "
                    + "every %s while versions are mixed", why, config.foreignDeltaReload());
        }
        Instant now = clock.instant();
        if (now.isBefore(lastForeignReload.plus(config.foreignDeltaReload()))) {
            stale = true;
            return Uni.createFrom().voidItem();
        }
        lastForeignReload = now;
        stale = false;
        return reload();
    }

    /** A live copy kept for one "now" is of no use at another: the rows it dropped as past may be live again. */
    void clockMoved(@Observes CenterClock.Moved moved) {
        reload().subscribe().with(done -> { }, e -> LOG.warnf("Reloading the live view after the clock was set failed: %s", e.toString()));
    }

    private Horizon horizon() {
        return Horizon.at(clock.instant(), clock.calendar());
    }

    /** Codes this replica does not know (a family, a grain) are read as null, and such rows passed over. */
    @PostConstruct
    void prepareReader() {
        reader = mapper.readerFor(CountsDelta.class).with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Catches a lost delta that no later delta reveals (the partition went quiet after it). */
    @Scheduled(every = "${exchangepulse.live.reconcile:PT10S}", delayed = "${exchangepulse.live.reconcile:PT10S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reconcile() {
        if (!counters.loaded() || stale) {
            stale = false;
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
        return snapshots.load(horizon())
                .invoke(snapshot -> {
                    counters.reset(snapshot, horizon());
                    ticker.tickSoon();
                })
                .onFailure().invoke(e -> LOG.warnf("Loading the live view failed: %s", e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .onTermination().invoke(() -> reloading.set(false))
                .replaceWithVoid();
    }
}
