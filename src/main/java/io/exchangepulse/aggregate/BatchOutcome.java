package io.exchangepulse.aggregate;

/** What one committed batch did to the counts. */
public record BatchOutcome(int counted, int duplicates, int deadLettered, int alreadyCommitted) {
}
