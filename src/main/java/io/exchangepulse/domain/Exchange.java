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

    /**
     * What this exchange says, but its id, in 64 bits (FNV-1a over its fields): two copies of one id that say
     * the same have the same fingerprint, so a copy that says something else can be told from a resend.
     */
    public long fingerprint() {
        String said = occurredAt + "|" + from + "|" + to + "|" + agency + "|" + kind + "|" + channel + "|" + crimeArea + "|"
                + (operationId == null ? "" : operationId);
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < said.length(); i++) {
            hash ^= said.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
