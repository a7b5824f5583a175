package io.exchangepulse.operations;

import io.exchangepulse.domain.OperationKind;
import io.exchangepulse.domain.OperationStatus;
import io.exchangepulse.domain.TaskForce;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The current state of one operation, kept up to date by {@link OperationEventConsumer}. */
@Entity
@Table(name = "operation")
public class OperationEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Enumerated(EnumType.STRING)
    public OperationKind kind;

    @Enumerated(EnumType.STRING)
    public TaskForce taskForce;

    /** Party codes, comma-separated, in the order they were given. */
    public String countries;

    @Enumerated(EnumType.STRING)
    public OperationStatus status;

    public Instant openedAt;

    public Instant lastEventAt;

    public Integer reportedYear;

    /** Whether it was opened (by an OPENED event, or by the seed): a later OPENED changes nothing of it. */
    public boolean opened;
}
