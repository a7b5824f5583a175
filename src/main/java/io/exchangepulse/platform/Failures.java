package io.exchangepulse.platform;

import io.vertx.pgclient.PgException;

import java.util.Set;

/**
 * Whether a failure may pass if the same work is tried again (a database or broker that is down, a
 * deadlock, a timeout), or will fail the same way however often it is tried (the data itself is wrong for
 * the database). The first is retried for as long as it lasts; the second is narrowed down to its records.
 */
public final class Failures {

    /** SQLSTATE classes of PostgreSQL errors that the data itself causes. */
    private static final Set<String> PERMANENT_CLASSES = Set.of("22", "23", "42", "2B", "0A");

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        if (isMissingPartition(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().length() >= 2) {
                return !PERMANENT_CLASSES.contains(pg.getSqlState().substring(0, 2));
            }
        }
        return true;
    }

    /**
     * A row found no partition of its table (a check violation, though the data is fine): the partition is
     * made before the next try, so this passes, unlike the violations the data causes.
     */
    public static boolean isMissingPartition(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg && "23514".equals(pg.getSqlState()) && pg.getErrorMessage() != null
                    && pg.getErrorMessage().startsWith("no partition of relation")) {
                return true;
            }
        }
        return false;
    }
}
