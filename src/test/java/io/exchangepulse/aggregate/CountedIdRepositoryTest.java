package io.exchangepulse.aggregate;

import io.exchangepulse.domain.Admission;
import io.exchangepulse.domain.Agency;
import io.exchangepulse.domain.Channel;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.ExchangeKind;
import io.exchangepulse.domain.Party;
import io.exchangepulse.support.PulseServices;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The de-duplication table and its day partitions on a real PostgreSQL, in a database of its own (the days
 * here are far from today's, whose partitions the suite's service uses), with the days chosen by the test.
 */
@Tag("component")
class CountedIdRepositoryTest {

    static final LocalDate DAY = LocalDate.of(2031, 3, 10);
    static Vertx vertx;
    static Pool pool;
    static CountedIdRepository repository;

    @BeforeAll
    static void database() throws Exception {
        String url = PulseServices.newDatabase("counted_ids_" + Long.toHexString(System.nanoTime()));
        Flyway.configure().dataSource("jdbc:" + url, "postgres", "").locations("classpath:db/migration").load().migrate();
        vertx = Vertx.vertx();
        pool = Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                .connectingTo(PgConnectOptions.fromUri(url).setUser("postgres"))
                .using(vertx.getDelegate())
                .build());
        repository = new CountedIdRepository(pool, new Admission(Duration.ofDays(7)));
    }

    @AfterAll
    static void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
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

    static List<String> partitionsFrom(LocalDate first, int days) {
        return IntStream.range(0, days).mapToObj(d -> CountedIdRepository.partitionOf(first.plusDays(d))).toList();
    }

    /** Claims the ids of exchanges appended to the log on {@code appendedOn}. */
    static List<Exchange> claim(LocalDate appendedOn, Exchange... exchanges) {
        List<CountedIdRepository.Candidate> candidates = java.util.Arrays.stream(exchanges)
                .map(e -> new CountedIdRepository.Candidate(e, appendedOn)).toList();
        return pool.withTransaction(connection -> repository.claimNew(connection, candidates))
                .await().atMost(Duration.ofSeconds(10));
    }

    static Exchange exchange() {
        return new Exchange(UUID.randomUUID(), Instant.parse("2031-03-10T09:00:00Z"), Party.RO, Party.BG, Agency.POLICE,
                ExchangeKind.REQUEST, Channel.DAILY, CrimeArea.DRUG_TRAFFICKING, null);
    }

    @Test
    void maintenanceMakesThePartitionsFromYesterdayToTwoDaysAhead() {
        maintain(DAY);

        assertThat(partitions()).containsExactlyElementsOf(partitionsFrom(DAY.minusDays(1), 4));
    }

    @Test
    void aDayIsKeptUntilCountingHasPassedItByTheLatenessWindowAndADay() {
        maintain(DAY);

        maintain(DAY.plusDays(9));

        assertThat(partitions()).containsExactlyElementsOf(concat(partitionsFrom(DAY.plusDays(1), 2), partitionsFrom(DAY.plusDays(8), 4)));
    }

    @Test
    void countingThatIsBehindKeepsItsDaysAndHasEveryDayItWillAppendTo() {
        repository.maintainPartitions(DAY.plusDays(9), Optional.of(DAY)).await().atMost(Duration.ofSeconds(10));

        assertThat(partitions()).containsExactlyElementsOf(partitionsFrom(DAY.minusDays(1), 13));
    }

    @Test
    void aPartitionNotNamedByADayIsLeftAloneAndDoesNotStopMaintenance() {
        pool.query("CREATE TABLE counted_exchange_archive PARTITION OF counted_exchange "
                + "FOR VALUES FROM ('2000-01-01') TO ('2000-02-01')").executeAndAwait();

        maintain(DAY);
        maintain(DAY.plusDays(9));

        assertThat(partitions()).contains("counted_exchange_archive").containsAll(partitionsFrom(DAY.plusDays(8), 4));
    }

    @Test
    void aNewIdIsClaimedOnceAndAResendIsRecognised() {
        maintain(DAY);
        Exchange first = exchange();
        Exchange second = exchange();

        assertThat(claim(DAY, first)).containsExactly(first);
        assertThat(claim(DAY, first, second)).containsExactly(second);
    }

    @Test
    void aResendAppendedDaysLaterWithinTheWindowIsRecognisedAfterMaintenance() {
        maintain(DAY);
        Exchange counted = exchange();
        assertThat(claim(DAY, counted)).containsExactly(counted);

        maintain(DAY.plusDays(8));

        assertThat(claim(DAY.plusDays(8), counted)).isEmpty();
    }

    @Test
    void anIdIsForgottenOnlyOnceItsExchangeCouldNoLongerBeAccepted() {
        maintain(DAY);
        Exchange counted = exchange();
        claim(DAY, counted);

        maintain(DAY.plusDays(9));

        assertThat(claim(DAY.plusDays(9), counted)).containsExactly(counted);
    }

    @Test
    void anIdIsLookedForOnlyOnTheDaysItsExchangeCouldHaveArrived() {
        repository.maintainPartitions(DAY.plusDays(9), Optional.of(DAY)).await().atMost(Duration.ofSeconds(10));
        Exchange counted = exchange();
        claim(DAY, counted);
        // The same id on an exchange of nine days later: no copy of it can have arrived on DAY, so DAY's
        // partition (still there, counting having been behind) is not searched for it.
        Exchange later = new Exchange(counted.id(), counted.occurredAt().plus(Duration.ofDays(9)), Party.RO, Party.BG,
                Agency.POLICE, ExchangeKind.REQUEST, Channel.DAILY, CrimeArea.DRUG_TRAFFICKING, null);

        assertThat(claim(DAY.plusDays(9), later)).containsExactly(later);
        assertThat(claim(DAY.plusDays(9), later)).isEmpty();
    }

    static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
