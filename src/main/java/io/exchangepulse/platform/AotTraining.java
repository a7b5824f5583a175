package io.exchangepulse.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The training start of the JDK's ahead-of-time cache (src/main/docker/Dockerfile.jvm): while the image is built
 * there is no Kafka, PostgreSQL or identity provider, so the service starts as far as it can without them, then
 * stops, and the JDK writes the classes it loaded and linked, and the methods' profiles, for later starts.
 * The profile {@code aot-training} (application.properties) switches it on.
 */
@ApplicationScoped
public class AotTraining {

    private static final Logger LOG = Logger.getLogger(AotTraining.class);

    /** Whether this start is a training start: then a service that cannot be reached is expected, not fatal. */
    public static boolean active() {
        return ConfigProvider.getConfig().getOptionalValue("exchangepulse.aot-training", Boolean.class).orElse(false);
    }

    void stopWhenStarted(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        if (active()) {
            LOG.info("Started for the ahead-of-time cache's training: stopping");
            Quarkus.asyncExit(0);
        }
    }
}
