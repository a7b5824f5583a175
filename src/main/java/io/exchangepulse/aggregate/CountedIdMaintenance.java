package io.exchangepulse.aggregate;

import io.exchangepulse.platform.Topics;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/** Keeps the day partitions of the counted ids in step with the calendar and with how far counting has come. */
@ApplicationScoped
public class CountedIdMaintenance {

    private static final Logger LOG = Logger.getLogger(CountedIdMaintenance.class);

    @Inject
    CountedIdRepository countedIds;

    @Inject
    StoredPositionRepository positions;

    @Inject
    Topics topics;

    @Inject
    Clock clock;

    void atStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 2) StartupEvent event) {
        // Without today's partition no id can be claimed; the scheduled run tries again if this fails.
        maintain().await().atMost(Duration.ofSeconds(30));
    }

    @Scheduled(every = "${exchangepulse.dedup.maintenance-interval:1h}", delayed = "${exchangepulse.dedup.maintenance-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> maintain() {
        return positions.countedThrough(topics.exchanges())
                .chain(countedThrough -> countedIds.maintainPartitions(LocalDate.now(clock), countedThrough))
                .onFailure().invoke(e -> LOG.warnf("Could not prepare the de-duplication partitions: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
