package io.exchangepulse.aggregate;

/** What one committed batch did to the counts. */
record BatchOutcome(int counted, int duplicates, int deadLettered, int alreadyCommitted) {
}
