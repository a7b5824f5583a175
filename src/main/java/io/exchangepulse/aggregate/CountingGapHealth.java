package io.exchangepulse.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while counting stands at a gap no administrator has accepted ({@link CountingGaps}): the replica is
 * taken out of service, so that the loss is seen at once, and is reached for the acceptance with
 * {@code kubectl port-forward} (src/docs/operations.md, "Counting gaps").
 */
@ApplicationScoped
@Readiness
public class CountingGapHealth implements HealthCheck {

    @Inject
    CountingGaps gaps;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("counting-gaps").status(gaps.open().isEmpty());
        for (CountingGaps.Gap gap : gaps.open()) {
            response.withData(gap.topic() + "-" + gap.partition(), "records " + gap.stored() + " to " + (gap.logStart() - 1)
                    + " deleted before they were counted; accept with POST /api/v1/counting/gaps/accept");
        }
        return response.build();
    }
}
