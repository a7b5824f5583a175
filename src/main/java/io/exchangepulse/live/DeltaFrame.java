package io.exchangepulse.live;

import java.time.Instant;

/**
 * A delta message as every viewer sent the same pair of states gets it in one tick, all but its {@code seq}.
 * It is written once per tick and pair (the changes encoded by Jackson, the rest by hand), so a viewer's own
 * work is splicing its seq in and writing the bytes: the per-viewer cost the push's scaling rests on.
 *
 * <p>The fields are those of {@code ServerMessage}'s other types, in the same order: type, seq, serverTime,
 * countingDelay (only when counting falls behind), then the delta's own.
 */
record DeltaFrame(long newestIngestedAt, Long countingDelay, String afterSeq) {

    private static final String HEAD = "{\"type\":\"delta\",\"seq\":";

    /** The changes of a pair whose states differ in nothing its viewers show: they are sent no message. */
    static final DeltaFrame UNCHANGED = new DeltaFrame(0, null, "");

    /** {@code changes} is a JSON object, encoded once; {@code newestIngestedAt} epoch millis, 0 if none. */
    static DeltaFrame of(Instant serverTime, Long countingDelay, long newestIngestedAt, String changes) {
        StringBuilder text = new StringBuilder(changes.length() + 120)
                .append(",\"serverTime\":\"").append(serverTime).append('"');
        if (countingDelay != null) {
            text.append(",\"countingDelay\":").append(countingDelay.longValue());
        }
        text.append(",\"newestIngestedAt\":");
        if (newestIngestedAt == 0) {
            text.append("null");
        } else {
            text.append('"').append(Instant.ofEpochMilli(newestIngestedAt)).append('"');
        }
        return new DeltaFrame(newestIngestedAt, countingDelay, text.append(",\"changes\":").append(changes).append('}').toString());
    }

    boolean isUnchanged() {
        return this == UNCHANGED;
    }

    String withSeq(long seq) {
        return HEAD + seq + afterSeq;
    }
}
