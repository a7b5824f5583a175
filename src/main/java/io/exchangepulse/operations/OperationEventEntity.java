package io.exchangepulse.operations;

import io.exchangepulse.domain.OperationEventType;
import io.exchangepulse.domain.Party;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event of an operation's life, stored once by its id. */
@Entity
@Table(name = "operation_event")
public class OperationEventEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String operationId;

    @Enumerated(EnumType.STRING)
    public OperationEventType type;

    public Instant occurredAt;

    public String place;

    @Enumerated(EnumType.STRING)
    public Party country;

    public Long arrests;

    /** Seizure categories, comma-separated. */
    public String seizures;

    public Long amountEur;
}
