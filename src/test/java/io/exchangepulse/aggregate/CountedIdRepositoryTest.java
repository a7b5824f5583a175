package io.exchangepulse.aggregate;

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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
        repository = new CountedIdRepository(pool, Clock.systemUTC(), 2);
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

    static void maintain(LocalDate today) {
        repository.maintainPartitions(today).await().atMost(Duration.ofSeconds(10));
    }

    static List<String> partitionsFrom(LocalDate first, int days) {
        return IntStream.range(0, days).mapToObj(d -> CountedIdRepository.partitionOf(first.plusDays(d))).toList();
    }

    static List<Exchange> claim(List<Exchange> candidates, LocalDate today) {
        return pool.withTransaction(connection -> repository.claimNew(connection, candidates, today))
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
    void daysOlderThanTheWindowAreDroppedAndAServiceDownForDaysCatchesUp() {
        maintain(DAY);

        maintain(DAY.plusDays(5));

        assertThat(partitions()).containsExactlyElementsOf(partitionsFrom(DAY.plusDays(4), 4));
    }

    @Test
    void aPartitionNotNamedByADayIsLeftAloneAndDoesNotStopMaintenance() {
        pool.query("CREATE TABLE counted_exchange_archive PARTITION OF counted_exchange "
                + "FOR VALUES FROM ('2000-01-01') TO ('2000-02-01')").executeAndAwait();

        maintain(DAY);
        maintain(DAY.plusDays(5));

        assertThat(partitions()).contains("counted_exchange_archive").containsAll(partitionsFrom(DAY.plusDays(4), 4));
    }

    @Test
    void aNewIdIsClaimedOnceAndAResendIsRecognised() {
        maintain(DAY);
        Exchange first = exchange();
        Exchange second = exchange();

        assertThat(claim(List.of(first), DAY)).containsExactly(first);
        assertThat(claim(List.of(first, second), DAY)).containsExactly(second);
    }

    @Test
    void overMidnightWithoutMaintenanceIdsAreStillClaimedAndRecognisedForTheWholeWindow() {
        maintain(DAY);
        Exchange counted = exchange();
        assertThat(claim(List.of(counted), DAY)).containsExactly(counted);

        Exchange tomorrow = exchange();
        assertThat(claim(List.of(tomorrow), DAY.plusDays(1))).containsExactly(tomorrow);
        assertThat(claim(List.of(counted, tomorrow), DAY.plusDays(2))).isEmpty();
    }

    @Test
    void anIdOlderThanTheWindowIsForgotten() {
        maintain(DAY);
        Exchange counted = exchange();
        claim(List.of(counted), DAY);

        maintain(DAY.plusDays(3));

        assertThat(claim(List.of(counted), DAY.plusDays(3))).containsExactly(counted);
    }
}
