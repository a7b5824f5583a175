package io.exchangepulse.platform;

import io.exchangepulse.domain.Admission;
import io.exchangepulse.domain.ExchangeReader;
import io.exchangepulse.domain.OperationEventReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/** The domain's readers and rules as beans, on the system clock in UTC. */
@ApplicationScoped
public class Readers {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    ExchangeReader exchangeReader() {
        return new ExchangeReader();
    }

    /** How late an exchange may arrive and still be counted: the ingest and the aggregator judge alike. */
    @Produces
    @Singleton
    Admission admission(@ConfigProperty(name = "exchangepulse.ingest.lateness", defaultValue = "P7D") Duration lateness) {
        return new Admission(lateness);
    }

    @Produces
    @ApplicationScoped
    OperationEventReader operationEventReader(Clock clock) {
        return new OperationEventReader(clock);
    }
}
