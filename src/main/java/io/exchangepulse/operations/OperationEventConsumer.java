package io.exchangepulse.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.domain.Abbreviated;
import io.exchangepulse.domain.OperationEvent;
import io.exchangepulse.domain.OperationEventReader;
import io.exchangepulse.domain.OperationEventType;
import io.exchangepulse.domain.OperationStatus;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.Reading;
import io.exchangepulse.platform.DeadLetterOutbox;
import io.exchangepulse.platform.Failures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies operation events to the operations board, one transaction per event (they are few). An
 * event id already stored is skipped, so a redelivery after a crash changes nothing. An event no reader
 * accepts, a second OPENED of an operation, or one the database refuses, goes to the dead-letter topic
 * with its reason; a database that is down is waited for.
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

    @Inject
    DeadLetterOutbox deadLetters;

    @Inject
    Pool pool;

    @Incoming("operation-events")
    public Uni<Void> apply(ConsumerRecord<String, byte[]> record) {
        Reading<OperationEvent> reading;
        try {
            reading = reader.read(mapper.readTree(record.value() == null ? new byte[0] : record.value()));
        } catch (IOException e) {
            return deadLetter(record, "not JSON: " + Abbreviated.of(e.getMessage(), 200));
        }
        if (!reading.isValid()) {
            return deadLetter(record, "invalid operation event: " + reading.violations().stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
        OperationEvent event = reading.value();
        return Panache.withTransaction(() -> OperationEventEntity.<OperationEventEntity>findById(event.id())
                        .chain(known -> known != null ? Uni.createFrom().item(Optional.<String>empty()) : store(event)))
                .onFailure(Failures::isTransient).invoke(e -> LOG.warnf("Applying operation event %s failed, trying again: %s",
                        event.id(), e.toString()))
                .onFailure(Failures::isTransient).retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                .onFailure().recoverWithItem(failure -> Optional.of("the database refused it: " + failure.getMessage()))
                .chain(refusal -> refusal.isPresent() ? deadLetter(record, refusal.get()) : Uni.createFrom().voidItem());
    }

    /** Stores the event; empty, or why it conflicts with what is stored (then nothing is). */
    private Uni<Optional<String>> store(OperationEvent event) {
        return OperationEntity.<OperationEntity>findById(event.operationId())
                .chain(found -> {
                    if (found != null && found.opened && event.type() == OperationEventType.OPENED) {
                        return Uni.createFrom().item(Optional.of("conflict: operation " + event.operationId() + " was opened "
                                + (found.openedAt != null ? "at " + found.openedAt : "by the seed") + "; a second OPENED does not change it"));
                    }
                    OperationEntity operation = found != null ? found : opened(event);
                    if (event.type() == OperationEventType.OPENED) {
                        operation.name = event.name();
                        operation.kind = event.operationKind();
                        operation.taskForce = event.taskForce();
                        operation.countries = event.countries().stream().map(Party::name).collect(Collectors.joining(","));
                        operation.openedAt = event.occurredAt();
                        operation.opened = true;
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
                    return operation.<OperationEntity>persist().chain(stored::persist)
                            .invoke(() -> metrics.counter("pulse.operations.events.applied").increment())
                            .replaceWith(Optional.<String>empty());
                });
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

    /** Written once, however often the event comes again: the origin names it. */
    private Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        metrics.counter("pulse.operations.events.rejected").increment();
        return deadLetters.add(pool, List.of(DeadLetterOutbox.Letter.of(record, record.value(), reason)))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely();
    }
}
