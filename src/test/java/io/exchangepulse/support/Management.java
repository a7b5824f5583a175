package io.exchangepulse.support;

/** The management interface of the service under test (/q/health, /q/metrics): a port of its own, as in a pod. */
public final class Management {

    private Management() {
    }

    public static String url() {
        return "http://localhost:" + PulseServices.managementPort();
    }
}
