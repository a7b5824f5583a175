package io.exchangepulse.platform;

import io.quarkus.runtime.Quarkus;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLException;
import java.security.cert.CertificateException;

/**
 * Ends the start when a configured service cannot be used, with one line that says what to fix and exit
 * code 1: no stack trace for an operator to dig through (but in the ahead-of-time cache's training start, which
 * has no services: {@link AotTraining}).
 */
public final class StartupFailure {

    private static final Logger LOG = Logger.getLogger(StartupFailure.class);

    private StartupFailure() {
    }

    public static void exit(String message) {
        if (AotTraining.active()) {
            // The image's training start has no services by design: it goes on to load what a start loads.
            LOG.info(message);
            return;
        }
        LOG.error(message);
        Quarkus.asyncExit(1);
    }

    /**
     * Whether a TLS handshake or a certificate check refused the connection: then the server is there, and what to
     * fix is its certificate, the CA given, or the name used.
     */
    public static boolean isTls(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SSLException || cause instanceof CertificateException
                    || String.valueOf(cause.getMessage()).contains("could not be verified by hostnameverifier")) {
                return true;
            }
        }
        return false;
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
