package io.exchangepulse.platform;

import io.exchangepulse.domain.CenterCalendar;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Brings the schema (and the seed's history) up to date before anything reads or writes: first among the
 * start-up observers, so the Kafka consumers never see a missing table. An unreachable database ends the
 * start with one line that says what to fix, instead of a stack trace. Checking the migrations applied earlier
 * against their files (Flyway's validation: an edited migration is a mistake to see, not a reason to keep a replica
 * out of service) is left until the start is over.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    CenterConfig center;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        String zone = center.zone();
        try {
            // Before the zone's name reaches the migrations' SQL, and before a bean reads it.
            CenterCalendar.of(zone);
        } catch (IllegalArgumentException e) {
            StartupFailure.exit("EXCHANGEPULSE_CENTER_ZONE: " + e.getMessage());
            return;
        }
        try {
            var result = flyway.migrate();
            LOG.infof("Schema at version %s (%d migrations applied now)",
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            StartupFailure.exit(StartupFailure.isTls(e)
                    ? String.format("PostgreSQL at %s failed the TLS check (%s). Its certificate must be signed by the CA in "
                            + "EXCHANGEPULSE_DB_CA_FILE and, with EXCHANGEPULSE_DB_SSL_MODE=verify-full, name the host of "
                            + "QUARKUS_DATASOURCE_REACTIVE_URL: connect by a name the certificate bears.", jdbcUrl, StartupFailure.rootMessage(e))
                    : String.format("PostgreSQL at %s cannot be used (%s). Start it, or set QUARKUS_DATASOURCE_REACTIVE_URL, "
                            + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD to a reachable database.",
                            jdbcUrl, StartupFailure.rootMessage(e)));
            // One line says what to fix; the exit is under way (or, in the image's training start, nothing is there).
            return;
        }
        recordedZone().filter(recorded -> !recorded.equals(zone)).ifPresent(recorded -> StartupFailure.exit(String.format(
                "The counters' days and years are kept in the center's zone %s, but EXCHANGEPULSE_CENTER_ZONE is %s: counts of "
                        + "two calendars would mix. Set it back to %s, or count into a new database (src/docs/operations.md, "
                        + "\"The center's clock\").", recorded, zone, recorded)));
    }

    private Optional<String> recordedZone() {
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT zone FROM center_calendar")) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            StartupFailure.exit(String.format("PostgreSQL at %s cannot be used (%s).", jdbcUrl, StartupFailure.rootMessage(e)));
            return Optional.empty();
        }
    }

    void validateAfterStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent event) {
        if (AotTraining.active()) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                var result = flyway.validateWithResult();
                if (!result.validationSuccessful) {
                    LOG.errorf("The migrations applied to PostgreSQL differ from this version's files: %s",
                            result.getAllErrorMessages());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Could not check the applied migrations against their files: %s", StartupFailure.rootMessage(e));
            }
        });
    }
}
