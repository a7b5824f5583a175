package io.exchangepulse.aggregate;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CountsDelta;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.domain.Agency;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Channel;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.ExchangeKind;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.Party;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch folded into one increment per counter row, and the part of it a delta carries. */
class IncrementsTest {

    static final Instant NOW = Instant.parse("2026-11-28T09:30:10Z");
    static final CenterCalendar BUCHAREST = CenterCalendar.of("Europe/Bucharest");

    static Exchange exchange(Instant occurredAt, Party to, CrimeArea area) {
        return new Exchange(UUID.randomUUID(), occurredAt, Party.RO, to, Agency.POLICE, ExchangeKind.REQUEST, Channel.DAILY, area, null);
    }

    @Test
    void exchangesOnTheSameRowFoldIntoOneIncrementPerGrain() {
        Increments increments = Increments.of(List.of(
                exchange(Instant.parse("2026-11-28T09:30:01Z"), Party.BG, CrimeArea.DRUG_TRAFFICKING),
                exchange(Instant.parse("2026-11-28T09:30:59Z"), Party.BG, CrimeArea.DRUG_TRAFFICKING),
                exchange(Instant.parse("2026-11-28T09:31:00Z"), Party.BG, CrimeArea.DRUG_TRAFFICKING)), BUCHAREST);

        List<Increments.Increment> taskForce = increments.of(CounterFamily.TASK_FORCE);

        assertThat(taskForce).containsExactly(
                new Increments.Increment(Grain.MINUTE, Instant.parse("2026-11-28T09:30:00Z"), List.of("DRUGS"), 2),
                new Increments.Increment(Grain.MINUTE, Instant.parse("2026-11-28T09:31:00Z"), List.of("DRUGS"), 1),
                new Increments.Increment(Grain.HOUR, Instant.parse("2026-11-28T09:00:00Z"), List.of("DRUGS"), 3),
                new Increments.Increment(Grain.DAY, Instant.parse("2026-11-27T22:00:00Z"), List.of("DRUGS"), 3),
                new Increments.Increment(Grain.YEAR, Instant.parse("2025-12-31T22:00:00Z"), List.of("DRUGS"), 3));
        assertThat(increments.of(CounterFamily.SCOPE_CHANNEL)).extracting(Increments.Increment::dimensions)
                .containsOnly(List.of("MEMBERS", "DAILY"));
    }

    @Test
    void aHalfHourZoneFoldsIntoItsOwnHoursDaysAndYears() {
        // Adelaide is 10:30 ahead of UTC in its summer: its hours begin at half past in UTC, its new year at 13:30 UTC.
        Increments increments = Increments.of(List.of(
                exchange(Instant.parse("2026-12-31T13:29:59Z"), Party.BG, CrimeArea.DRUG_TRAFFICKING),
                exchange(Instant.parse("2026-12-31T13:30:00Z"), Party.BG, CrimeArea.DRUG_TRAFFICKING)),
                CenterCalendar.of("Australia/Adelaide"));

        assertThat(increments.of(CounterFamily.TASK_FORCE)).filteredOn(i -> i.grain() != Grain.MINUTE).containsExactly(
                new Increments.Increment(Grain.HOUR, Instant.parse("2026-12-31T12:30:00Z"), List.of("DRUGS"), 1),
                new Increments.Increment(Grain.HOUR, Instant.parse("2026-12-31T13:30:00Z"), List.of("DRUGS"), 1),
                new Increments.Increment(Grain.DAY, Instant.parse("2026-12-30T13:30:00Z"), List.of("DRUGS"), 1),
                new Increments.Increment(Grain.DAY, Instant.parse("2026-12-31T13:30:00Z"), List.of("DRUGS"), 1),
                new Increments.Increment(Grain.YEAR, Instant.parse("2025-12-31T13:30:00Z"), List.of("DRUGS"), 1),
                new Increments.Increment(Grain.YEAR, Instant.parse("2026-12-31T13:30:00Z"), List.of("DRUGS"), 1));
    }

    @Test
    void rowsAreInOneGlobalOrderSoConcurrentBatchesLockThemAlike() {
        Increments increments = Increments.of(List.of(
                exchange(NOW, Party.TR, CrimeArea.TERRORISM), exchange(NOW, Party.BG, CrimeArea.DRUG_TRAFFICKING)), BUCHAREST);

        assertThat(increments.of(CounterFamily.FLOW).subList(0, 2)).extracting(Increments.Increment::dimensions)
                .containsExactly(List.of("RO", "BG"), List.of("RO", "TR"));
    }

    @Test
    void aDeltaCarriesOnlyTheRowsTheFamiliesKeepLive() {
        Increments increments = Increments.of(List.of(exchange(NOW, Party.BG, CrimeArea.DRUG_TRAFFICKING),
                exchange(Instant.parse("2024-05-01T10:00:00Z"), Party.BG, CrimeArea.DRUG_TRAFFICKING)), BUCHAREST);

        List<CountsDelta.Row> rows = increments.deltaRows(Horizon.at(NOW, BUCHAREST));

        assertThat(rows).allSatisfy(row -> assertThat(row.key().grain()).isNotEqualTo(Grain.HOUR));
        assertThat(rows).filteredOn(row -> row.key().family() == CounterFamily.FLOW)
                .singleElement().satisfies(row -> assertThat(row.key().grain()).isEqualTo(Grain.DAY));
        assertThat(rows).filteredOn(row -> row.key().bucket() < Instant.parse("2025-01-01T00:00:00Z").getEpochSecond())
                .extracting(row -> row.key().grain()).containsOnly(Grain.YEAR);
    }
}
