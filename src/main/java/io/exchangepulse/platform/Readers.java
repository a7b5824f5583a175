package io.exchangepulse.platform;

import io.exchangepulse.domain.Admission;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.ExchangeReader;
import io.exchangepulse.domain.OperationEventReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * The domain's readers and rules as beans, and the two clocks: the system's in UTC ({@link Clock}: sign-ins,
 * sessions, rate limits) and the center's ({@link CenterClock}: counting, judging and showing).
 */
@ApplicationScoped
public class Readers {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The center's calendar; a zone that is not an IANA region's stops the start, naming the variable. */
    @Produces
    @Singleton
    CenterCalendar centerCalendar(CenterConfig config) {
        try {
            return CenterCalendar.of(config.zone());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EXCHANGEPULSE_CENTER_ZONE: " + e.getMessage());
        }
    }

    @Produces
    @ApplicationScoped
    ExchangeReader exchangeReader() {
        return new ExchangeReader();
    }

    /** How late an exchange may arrive and still be counted: the ingest and the aggregator judge alike. */
    @Produces
    @Singleton
    Admission admission(@ConfigProperty(name = "exchangepulse.ingest.lateness", defaultValue = "P7D") Duration lateness,
                        CenterCalendar calendar) {
        return new Admission(lateness, calendar);
    }

    @Produces
    @ApplicationScoped
    OperationEventReader operationEventReader(CenterClock clock) {
        return new OperationEventReader(clock);
    }
}
