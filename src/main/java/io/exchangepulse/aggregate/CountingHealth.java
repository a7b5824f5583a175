package io.exchangepulse.aggregate;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;

/**
 * Down while counting stalls: further behind than the stall limit. Not a readiness check: a replica whose
 * counting is stuck (its database away) still takes exchanges, and they are counted once it is back.
 */
@ApplicationScoped
@Wellness
public class CountingHealth implements HealthCheck {

    @Inject
    CountingProgress progress;

    @ConfigProperty(name = "exchangepulse.aggregate.stall-limit", defaultValue = "PT2M")
    Duration stallLimit;

    @Override
    public HealthCheckResponse call() {
        CountingProgress.Standing now = progress.standing();
        return HealthCheckResponse.named("counting")
                .status(now.delay().compareTo(stallLimit) <= 0)
                .withData("waiting", now.waiting())
                .withData("delaySeconds", now.delay().toSeconds())
                .build();
    }
}
