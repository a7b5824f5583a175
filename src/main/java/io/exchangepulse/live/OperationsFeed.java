package io.exchangepulse.live;

import io.exchangepulse.operations.OperationBoard;
import io.exchangepulse.operations.OperationView;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The operations board as the live views show it, read again every few seconds: operation events are
 * few, and one replica applies them, so reading beats broadcasting here.
 */
@ApplicationScoped
public class OperationsFeed {

    private static final Logger LOG = Logger.getLogger(OperationsFeed.class);

    @Inject
    OperationBoard board;

    private volatile List<OperationView> current = List.of();

    @Scheduled(every = "${exchangepulse.live.operations-refresh:PT2S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return board.current()
                .invoke(operations -> current = operations)
                .onFailure().invoke(e -> LOG.debugf("Reading the operations board failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    List<OperationView> current() {
        return current;
    }
}
