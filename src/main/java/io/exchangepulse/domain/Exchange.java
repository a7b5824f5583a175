package io.exchangepulse.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One message between the liaison officers of two parties. Built only by {@link ExchangeReader}, so an
 * instance is always valid: its scope exists and an operation exchange names its operation.
 */
public record Exchange(
        UUID id,
        Instant occurredAt,
        Party from,
        Party to,
        Agency agency,
        ExchangeKind kind,
        Channel channel,
        CrimeArea crimeArea,
        String operationId) {

    public Scope scope() {
        return Scope.of(from, to).orElseThrow();
    }

    public TaskForce taskForce() {
        return crimeArea.taskForce();
    }
}
