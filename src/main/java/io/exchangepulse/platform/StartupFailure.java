package io.exchangepulse.platform;

/** Stops the start without a second report: the cause is already logged in one line. */
final class StartupFailure extends RuntimeException {

    StartupFailure() {
        super("start-up stopped; see the error above", null, false, false);
    }

    /** The innermost cause in a few words: what an operator needs, without the stack. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
