package io.exchangepulse.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.domain.OperationEvent;
import io.exchangepulse.domain.OperationEventReader;
import io.exchangepulse.domain.OperationEventType;
import io.exchangepulse.domain.OperationStatus;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.Reading;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Applies operation events to the operations board, one transaction per event (they are few). An
 * event id already stored is skipped, so a redelivery after a crash changes nothing.
 */
@ApplicationScoped
public class OperationEventConsumer {

    private static final Logger LOG = Logger.getLogger(OperationEventConsumer.class);

    @Inject
    OperationEventReader reader;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry metrics;

    @Incoming("operation-events")
    public Uni<Void> apply(byte[] payload) {
        Reading<OperationEvent> reading;
        try {
            reading = reader.read(mapper.readTree(payload));
        } catch (IOException e) {
            return skip("not JSON: " + e.getMessage());
        }
        if (!reading.isValid()) {
            return skip(reading.violations().toString());
        }
        OperationEvent event = reading.value();
        return Panache.withTransaction(() -> OperationEventEntity.<OperationEventEntity>findById(event.id())
                        .chain(known -> known != null ? Uni.createFrom().voidItem() : store(event)))
                .onFailure().invoke(e -> LOG.warnf("Applying operation event %s failed, trying again: %s", event.id(), e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely();
    }

    private Uni<Void> store(OperationEvent event) {
        return OperationEntity.<OperationEntity>findById(event.operationId())
                .chain(found -> {
                    OperationEntity operation = found != null ? found : opened(event);
                    if (event.type() == OperationEventType.OPENED) {
                        operation.name = event.name();
                        operation.kind = event.operationKind();
                        operation.taskForce = event.taskForce();
                        operation.countries = event.countries().stream().map(Party::name).collect(Collectors.joining(","));
                        operation.openedAt = event.occurredAt();
                    }
                    operation.status = operation.status.after(event.type());
                    if (operation.lastEventAt == null || event.occurredAt().isAfter(operation.lastEventAt)) {
                        operation.lastEventAt = event.occurredAt();
                    }
                    var stored = new OperationEventEntity();
                    stored.id = event.id();
                    stored.operationId = event.operationId();
                    stored.type = event.type();
                    stored.occurredAt = event.occurredAt();
                    stored.place = event.place();
                    stored.country = event.country();
                    stored.arrests = event.arrests();
                    stored.seizures = event.seizures().isEmpty() ? null
                            : event.seizures().stream().map(Enum::name).collect(Collectors.joining(","));
                    stored.amountEur = event.amountEur();
                    return operation.<OperationEntity>persist().chain(stored::persist);
                })
                .invoke(() -> metrics.counter("pulse.operations.events.applied").increment())
                .replaceWithVoid();
    }

    /** Events may arrive for an operation whose opening was never sent; it still gets a place on the board. */
    private static OperationEntity opened(OperationEvent event) {
        var operation = new OperationEntity();
        operation.id = event.operationId();
        operation.name = event.name() != null ? event.name() : event.operationId();
        operation.countries = "";
        operation.status = OperationStatus.OPEN;
        return operation;
    }

    private Uni<Void> skip(String reason) {
        LOG.warnf("Skipped an operation event no reader accepts: %s", reason);
        metrics.counter("pulse.operations.events.rejected").increment();
        return Uni.createFrom().voidItem();
    }
}
