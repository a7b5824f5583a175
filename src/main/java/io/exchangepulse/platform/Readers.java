package io.exchangepulse.platform;

import io.exchangepulse.domain.ExchangeReader;
import io.exchangepulse.domain.OperationEventReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The domain's readers as beans, on the system clock in UTC. */
@ApplicationScoped
public class Readers {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    ExchangeReader exchangeReader(Clock clock) {
        return new ExchangeReader(clock);
    }

    @Produces
    @ApplicationScoped
    OperationEventReader operationEventReader(Clock clock) {
        return new OperationEventReader(clock);
    }
}
