package io.exchangepulse.aggregate;

import io.exchangepulse.domain.Admission;
import io.exchangepulse.domain.Agency;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Channel;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.ExchangeKind;
import io.exchangepulse.domain.Party;
import io.exchangepulse.support.OwnDatabase;
import io.vertx.mutiny.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The de-duplication table and its day partitions on a real PostgreSQL, in a database of its own (the days
 * here are far from today's, whose partitions the suite's service uses), with the days chosen by the test.
 */
@Tag("component")
class CountedIdRepositoryTest {

    static final LocalDate DAY = LocalDate.of(2031, 3, 10);
    static OwnDatabase database;
    static Pool pool;
    static CountedIdRepository repository;

    @BeforeAll
    static void database() throws Exception {
        database = OwnDatabase.migrated("counted_ids");
        pool = database.pool();
        repository = new CountedIdRepository(pool, new Admission(Duration.ofDays(7), CenterCalendar.UTC));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void noPartitions() {
        for (String partition : partitions()) {
            pool.query("DROP TABLE " + partition).executeAndAwait();
        }
    }

    static List<String> partitions() {
        return repository.partitions().await().atMost(Duration.ofSeconds(10));
    }

    /** Maintenance on {@code today}, with counting caught up. */
    static void maintain(LocalDate today) {
        repository.maintainPartitions(today, Optional.empty()).await().atMost(Duration.ofSeconds(10));
    }

    /** Claims the ids of exchanges appended to the log on {@code appendedOn}. */
    static CountedIdRepository.Claim claim(LocalDate appendedOn, Exchange... exchanges) {
        List<CountedIdRepository.Candidate> candidates = java.util.Arrays.stream(exchanges)
                .map(e -> new CountedIdRepository.Candidate(e, appendedOn)).toList();
        return pool.withTransaction(connection -> repository.claim(connection, candidates))
                .await().atMost(Duration.ofSeconds(10));
    }

    static List<Exchange> fresh(LocalDate appendedOn, Exchange... exchanges) {
        return claim(appendedOn, exchanges).fresh();
    }

    static Exchange exchange() {
        return new Exchange(UUID.randomUUID(), Instant.parse("2031-03-10T09:00:00Z"), Party.RO, Party.BG, Agency.POLICE,
                ExchangeKind.REQUEST, Channel.DAILY, CrimeArea.DRUG_TRAFFICKING, null);
    }

    static Exchange movedBy(Exchange exchange, Duration by) {
        return new Exchange(exchange.id(), exchange.occurredAt().plus(by), exchange.from(), exchange.to(), exchange.agency(),
                exchange.kind(), exchange.channel(), exchange.crimeArea(), exchange.operationId());
    }

    static String week(LocalDate from) {
        return CountedIdRepository.partitionOf(from);
    }

    @Test
    void maintenanceMakesAWeekAtATimeFromYesterdayToTwoDaysAhead() {
        // DAY is a Monday: yesterday, a Sunday, ends with its week; DAY's week holds the days ahead.
        maintain(DAY);
        assertThat(partitions()).containsExactly(week(DAY.minusDays(1)), week(DAY));

        maintain(DAY.plusDays(5));
        assertThat(partitions()).as("Saturday: next Monday is two days ahead").containsExactly(week(DAY.minusDays(1)), week(DAY),
                week(DAY.plusDays(7)));
    }

    @Test
    void aWeekIsKeptUntilCountingHasPassedItsLastDayByTheLatenessWindowAndADay() {
        maintain(DAY);
        maintain(DAY.plusDays(7));
        assertThat(partitions()).contains(week(DAY));

        maintain(DAY.plusDays(15));
        assertThat(partitions()).doesNotContain(week(DAY.minusDays(1)), week(DAY)).contains(week(DAY.plusDays(7)));
    }

    @Test
    void countingThatIsBehindKeepsItsWeeksAndHasEveryDayItWillAppendTo() {
        repository.maintainPartitions(DAY.plusDays(9), Optional.of(DAY)).await().atMost(Duration.ofSeconds(10));

        assertThat(partitions()).containsExactly(week(DAY.minusDays(1)), week(DAY), week(DAY.plusDays(7)));
    }

    @Test
    void partitionsOfADayMadeBeforeAreKeptAndTheWeeksStartAfterThem() {
        for (int day = 0; day < 3; day++) {
            pool.query("CREATE TABLE " + week(DAY.plusDays(day)) + " PARTITION OF counted_exchange FOR VALUES FROM ('"
                    + DAY.plusDays(day) + "') TO ('" + DAY.plusDays(day + 1) + "')").executeAndAwait();
        }
        maintain(DAY.plusDays(2));

        assertThat(partitions()).containsExactly(week(DAY), week(DAY.plusDays(1)), week(DAY.plusDays(2)), week(DAY.plusDays(3)));
        Exchange counted = exchange();
        assertThat(fresh(DAY.plusDays(3), counted)).containsExactly(counted);
        assertThat(fresh(DAY.plusDays(4), counted)).isEmpty();
    }

    @Test
    void aPartitionNotNamedByADayIsLeftAloneAndDoesNotStopMaintenance() {
        pool.query("CREATE TABLE counted_exchange_archive PARTITION OF counted_exchange "
                + "FOR VALUES FROM ('2000-01-01') TO ('2000-02-01')").executeAndAwait();

        maintain(DAY);
        maintain(DAY.plusDays(16));

        assertThat(partitions()).contains("counted_exchange_archive").doesNotContain(week(DAY));
    }

    @Test
    void aNewIdIsClaimedOnceAndAResendIsRecognised() {
        maintain(DAY);
        Exchange first = exchange();
        Exchange second = exchange();

        assertThat(fresh(DAY, first)).containsExactly(first);
        CountedIdRepository.Claim again = claim(DAY, first, second);
        assertThat(again.fresh()).containsExactly(second);
        assertThat(again.differing()).isEmpty();
    }

    @Test
    void aResendAppendedDaysLaterWithinTheWindowIsRecognisedAfterMaintenance() {
        maintain(DAY);
        Exchange counted = exchange();
        assertThat(fresh(DAY, counted)).containsExactly(counted);

        maintain(DAY.plusDays(8));

        assertThat(fresh(DAY.plusDays(8), counted)).isEmpty();
    }

    @Test
    void anIdIsForgottenOnlyOnceItsExchangeCouldNoLongerBeAccepted() {
        maintain(DAY);
        Exchange counted = exchange();
        fresh(DAY, counted);

        maintain(DAY.plusDays(14));
        assertThat(fresh(DAY.plusDays(14), counted)).as("its week is still kept").isEmpty();

        maintain(DAY.plusDays(15));
        assertThat(fresh(DAY.plusDays(15), counted)).containsExactly(counted);
    }

    @Test
    void aCopyWhoseTimeMovedIsCountedOnceAndToldFromAResend() {
        repository.maintainPartitions(DAY.plusDays(9), Optional.of(DAY)).await().atMost(Duration.ofSeconds(10));
        Exchange counted = exchange();
        fresh(DAY, counted);

        // The same id, its time moved across a day or nine days on, appended later: found wherever it was kept.
        for (Duration moved : List.of(Duration.ofHours(20), Duration.ofDays(9), Duration.ofDays(-1))) {
            Exchange copy = movedBy(counted, moved);
            CountedIdRepository.Claim claim = claim(DAY.plusDays(moved.toDays() > 0 ? moved.toDays() : 1), copy);
            assertThat(claim.fresh()).as("moved by %s", moved).isEmpty();
            assertThat(claim.differing()).as("moved by %s", moved).containsExactly(copy);
        }
        CountedIdRepository.Claim resend = claim(DAY.plusDays(5), counted);
        assertThat(resend.fresh()).isEmpty();
        assertThat(resend.differing()).isEmpty();
    }
}
