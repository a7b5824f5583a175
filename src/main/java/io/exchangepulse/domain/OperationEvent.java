package io.exchangepulse.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One step in the life of a joint investigation or regional operation. Which fields are set depends on
 * the {@link OperationEventType}: an opening names the operation, a result names a country and what the
 * action there achieved. Built only by {@link OperationEventReader}; written without its empty fields, so
 * that the reader accepts what was written.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OperationEvent(
        UUID id,
        String operationId,
        OperationEventType type,
        Instant occurredAt,
        String name,
        OperationKind operationKind,
        TaskForce taskForce,
        List<Party> countries,
        String place,
        Party country,
        Long arrests,
        List<Seizure> seizures,
        Long amountEur) {
}
