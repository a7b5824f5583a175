package io.exchangepulse.platform;

import io.quarkus.runtime.Quarkus;
import org.jboss.logging.Logger;

/**
 * Ends the start when a configured service cannot be used, with one line that says what to fix and exit
 * code 1: no stack trace for an operator to dig through.
 */
public final class StartupFailure {

    private static final Logger LOG = Logger.getLogger(StartupFailure.class);

    private StartupFailure() {
    }

    public static void exit(String message) {
        LOG.error(message);
        Quarkus.asyncExit(1);
    }

    /** The innermost cause in a few words: what an operator needs, without the stack. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
