package io.exchangepulse.platform;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.Wellness;

import java.time.Duration;

/**
 * Whether PostgreSQL answers. Not a readiness check: every replica shares the one database, and while it is
 * away a replica still takes exchanges (into Kafka, counted once it is back) and serves its live views from
 * memory; taking every pod out of service would stop that too. Queries answer 503 meanwhile.
 */
@ApplicationScoped
@Wellness
public class DatabaseHealth implements AsyncHealthCheck {

    @Inject
    Pool pool;

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(Duration.ofSeconds(3)).fail()
                .map(rows -> HealthCheckResponse.up("database"))
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("database").down()
                        .withData("error", e.toString()).build());
    }
}
