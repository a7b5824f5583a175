package io.exchangepulse.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeTest {

    static final Exchange SAID = new Exchange(UUID.fromString("3f1d2c4e-8a43-4c55-9a57-1f0b3c2d9e10"),
            Instant.parse("2026-11-28T09:21:00Z"), Party.RO, Party.BG, Agency.POLICE, ExchangeKind.REQUEST, Channel.DAILY,
            CrimeArea.DRUG_TRAFFICKING, null);

    @Test
    void twoCopiesThatSayTheSameHaveOneFingerprintAndItIsStable() {
        Exchange copy = new Exchange(SAID.id(), SAID.occurredAt(), SAID.from(), SAID.to(), SAID.agency(), SAID.kind(), SAID.channel(),
                SAID.crimeArea(), null);
        assertThat(copy.fingerprint()).isEqualTo(SAID.fingerprint());
        // Kept in the database: the same exchange must give the same fingerprint in every version of the service
        // (the value is FNV-1a 64 of "2026-11-28T09:21:00Z|RO|BG|POLICE|REQUEST|DAILY|DRUG_TRAFFICKING|", worked out apart).
        assertThat(SAID.fingerprint()).isEqualTo(-2_610_392_781_659_966_748L);
    }

    @Test
    void anyFieldButTheIdChangesTheFingerprint() {
        List<UnaryOperator<Exchange>> changes = List.of(
                e -> new Exchange(e.id(), e.occurredAt().plusMillis(1), e.from(), e.to(), e.agency(), e.kind(), e.channel(), e.crimeArea(), null),
                e -> new Exchange(e.id(), e.occurredAt(), Party.HR, e.to(), e.agency(), e.kind(), e.channel(), e.crimeArea(), null),
                e -> new Exchange(e.id(), e.occurredAt(), e.from(), Party.TR, e.agency(), e.kind(), e.channel(), e.crimeArea(), null),
                e -> new Exchange(e.id(), e.occurredAt(), e.from(), e.to(), Agency.CUSTOMS, e.kind(), e.channel(), e.crimeArea(), null),
                e -> new Exchange(e.id(), e.occurredAt(), e.from(), e.to(), e.agency(), ExchangeKind.INFORMATION, e.channel(), e.crimeArea(), null),
                e -> new Exchange(e.id(), e.occurredAt(), e.from(), e.to(), e.agency(), e.kind(), Channel.OPERATION, e.crimeArea(), "TARA"),
                e -> new Exchange(e.id(), e.occurredAt(), e.from(), e.to(), e.agency(), e.kind(), e.channel(), CrimeArea.TERRORISM, null));
        for (UnaryOperator<Exchange> change : changes) {
            assertThat(change.apply(SAID).fingerprint()).isNotEqualTo(SAID.fingerprint());
        }
        Exchange otherId = new Exchange(UUID.randomUUID(), SAID.occurredAt(), SAID.from(), SAID.to(), SAID.agency(), SAID.kind(),
                SAID.channel(), SAID.crimeArea(), null);
        assertThat(otherId.fingerprint()).isEqualTo(SAID.fingerprint());
    }
}
