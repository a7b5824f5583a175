package io.exchangepulse.aggregate;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterRetention;
import io.exchangepulse.counters.CountersConfig;
import io.exchangepulse.domain.Agency;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Channel;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.ExchangeKind;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.PartyRole;
import io.exchangepulse.platform.CenterClock;
import io.exchangepulse.support.OwnDatabase;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the counters cost in storage, on a real PostgreSQL in a database of its own, with the moments chosen by
 * the test: a year of counting with the maintenance run every day keeps each grain for its retention and no
 * longer (partitions dropped whole), with the days and years exact; an hour at the demo rate gives the bytes per
 * exchange and the rows per day of each family, and from them the size after a year
 * ({@code target/storage/counters.txt}, quoted in src/docs/operations.md).
 */
@Tag("component")
class CounterStorageTest {

    /** The one-command run's simulator sends about five exchanges a second. */
    static final int DEMO_RATE_PER_MINUTE = 300;
    static final Party[] MEMBERS = Arrays.stream(Party.values()).filter(p -> p.role() == PartyRole.MEMBER).toArray(Party[]::new);

    static OwnDatabase database;
    static Pool pool;
    static CounterTables tables;
    static final CounterRepository counters = new CounterRepository();
    static final Random random = new Random(19);
    /** Storage, not the calendar, is what this measures: UTC days keep its figures whole days of partitions. */
    static final CenterCalendar UTC = CenterCalendar.UTC;

    @BeforeAll
    static void database() throws Exception {
        database = OwnDatabase.migrated("counter_storage");
        pool = database.pool();
        tables = new CounterTables();
        tables.pool = pool;
        tables.retention = new CounterRetention(defaults(), UTC);
        // Maintenance is told its moment; the clock only gives the calendar until counting sets it.
        tables.clock = new CenterClock(UTC, Duration.ZERO);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aYearOfCountingKeepsEachGrainForItsRetentionAndTheDaysAndYearsExact() {
        LocalDate first = LocalDate.of(2031, 1, 1);
        LocalDate last = LocalDate.of(2031, 12, 31);
        long sent = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
            tables.maintain(noon).await().indefinitely();
            List<Exchange> exchanges = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                exchanges.add(exchange(day.atTime(hour, (hour * 7) % 60).toInstant(ZoneOffset.UTC)));
            }
            count(exchanges, noon);
            sent += exchanges.size();
        }
        Instant end = last.atTime(12, 0).toInstant(ZoneOffset.UTC);

        for (CounterFamily family : CounterFamily.values()) {
            List<CounterTables.Range> minutes = tables.partitionsOf(family, Grain.MINUTE);
            Instant oldestMinuteKept = end.minus(Duration.ofDays(35));
            assertThat(minutes).as("minutes of %s: a day each, from 35 days (and the margin) back to two days ahead", family)
                    .allSatisfy(range -> assertThat(range.to()).isAfter(oldestMinuteKept.minus(CounterTables.DROP_MARGIN).minus(Duration.ofDays(1))))
                    .hasSizeBetween(36, 40);
            assertThat(tables.partitionsOf(family, Grain.HOUR)).as("the year's months of hours, all within 400 days")
                    .filteredOn(range -> range.from() != null && range.from().atOffset(ZoneOffset.UTC).getYear() == 2031).hasSize(12);
            assertThat(tables.partitionsOf(family, Grain.DAY)).as("the migration's partition is kept with the days: for ever")
                    .anySatisfy(range -> assertThat(range.from()).isNull());
        }
        assertThat(first("SELECT min(bucket) FROM flow_count WHERE grain = 'MINUTE'"))
                .isAfterOrEqualTo(end.minus(Duration.ofDays(35)).minus(CounterTables.DROP_MARGIN).minus(Duration.ofDays(1)));
        assertThat(single("SELECT count(DISTINCT bucket) FROM task_force_count WHERE grain = 'DAY' AND bucket >= '2031-01-01'")).isEqualTo(365);
        assertThat(single("SELECT sum(n) FROM task_force_count WHERE grain = 'DAY' AND bucket >= '2031-01-01'")).isEqualTo(sent);
        assertThat(single("SELECT sum(n) FROM flow_count WHERE grain = 'YEAR' AND bucket = '2031-01-01'")).isEqualTo(sent);
    }

    @Test
    void anHourAtTheDemoRateGivesTheBytesPerExchangeAndTheSizeAfterAYear() throws IOException {
        Instant hour = Instant.parse("2033-06-01T10:00:00Z");
        tables.maintain(hour).await().indefinitely();
        for (int minute = 0; minute < 60; minute++) {
            List<Exchange> exchanges = new ArrayList<>();
            for (int i = 0; i < DEMO_RATE_PER_MINUTE; i++) {
                exchanges.add(exchange(hour.plusSeconds(minute * 60L + random.nextInt(60))));
            }
            count(exchanges, hour);
        }
        // Rows updated batch after batch leave dead versions that vacuum and HOT pruning reclaim in a running
        // database: measured compacted, as the partitions of past hours and days settle.
        pool.query("VACUUM FULL ANALYZE").executeAndAwait();
        long flowRows = rowsOf(CounterFamily.FLOW, Grain.MINUTE, hour);
        double overhead = (double) bytesOf(CounterFamily.FLOW, Grain.MINUTE) / flowRows - widthOf(CounterFamily.FLOW, Grain.MINUTE, hour);

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Counters of an hour at the demo rate (%,d exchanges, %d a second), measured on PostgreSQL %s. "
                        + "Bytes a row: the row's own width plus %.0f bytes (tuple header, line pointer, primary-key entry), "
                        + "measured on the %,d minute rows of the flows.%n%n"
                        + "| family | grain | rows in the hour | bytes a row | rows a day | kept | after a year |%n"
                        + "|---|---|---|---|---|---|---|%n",
                60 * DEMO_RATE_PER_MINUTE, DEMO_RATE_PER_MINUTE / 60, pool.query("SHOW server_version").executeAndAwait().iterator().next().getString(0), overhead, flowRows));
        long hourBytes = 0;
        double yearBytes = 0;
        for (CounterFamily family : CounterFamily.values()) {
            for (Grain grain : Grain.values()) {
                long rows = rowsOf(family, grain, hour);
                hourBytes += bytesOf(family, grain);
                double perRow = widthOf(family, grain, hour) + overhead;
                // Minutes and hours are new rows every hour; days grow to at most the day's combinations (an hour at
                // this rate meets nearly all of them), years to the year's.
                double perDay = grain == Grain.MINUTE || grain == Grain.HOUR ? rows * 24.0 : grain == Grain.DAY ? rows : 0;
                long keptDays = tables.retention.of(grain).map(Duration::toDays).map(days -> Math.min(days, 365)).orElse(365L);
                double year = grain == Grain.YEAR ? rows * perRow : perDay * keptDays * perRow;
                yearBytes += year;
                report.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.0f | %,.0f | %s | %,.1f MB |%n", family, grain, rows,
                        perRow, perDay, tables.retention.of(grain).map(d -> d.toDays() + " days").orElse("for ever"), year / 1e6));
            }
        }
        double yearExchanges = DEMO_RATE_PER_MINUTE / 60.0 * 365 * 86_400;
        report.append(String.format(Locale.ROOT, "%nStored for the hour: %.0f bytes an exchange (its minute rows are most of it). "
                        + "After a year at the demo rate, each grain kept for its retention: %.2f GB, %.0f bytes an exchange of the year.%n",
                (double) hourBytes / (60 * DEMO_RATE_PER_MINUTE), yearBytes / 1e9, yearBytes / yearExchanges));
        Path out = Path.of("target", "storage", "counters.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);

        assertThat(hourBytes).isPositive();
        assertThat(yearBytes).as("a year at the demo rate stays bounded by retention").isLessThan(20e9);
    }

    /** The rows of the family's grain in the partitions of the hour's year (the hour is all this test counts there). */
    private static long rowsOf(CounterFamily family, Grain grain, Instant hour) {
        return single("SELECT count(*) FROM " + family.table() + " WHERE grain = '" + grain + "' AND bucket >= '" + UTC.bucketOf(grain, hour) + "'");
    }

    /** The average width of those rows' values, as PostgreSQL stores them. */
    private static double widthOf(CounterFamily family, Grain grain, Instant hour) {
        Row row = pool.query("SELECT avg(pg_column_size(t.*)) FROM " + family.table() + " t WHERE grain = '" + grain
                + "' AND bucket >= '" + UTC.bucketOf(grain, hour) + "'").executeAndAwait().iterator().next();
        return row.getNumeric(0).doubleValue();
    }

    /** The size on disk (table and indexes) of the family's grain partitions of the test's year 2033. */
    private static long bytesOf(CounterFamily family, Grain grain) {
        return single("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = '" + family.table(grain)
                + "' AND c.relname LIKE '%_2033%'");
    }

    private static void count(List<Exchange> exchanges, Instant now) {
        tables.clock = new CenterClock(UTC, Duration.between(Instant.now(), now));
        tables.ensureFor(exchanges.stream().map(Exchange::occurredAt).toList()).await().indefinitely();
        Increments increments = Increments.of(exchanges, UTC, (grain, bucket) -> tables.keeps(grain, bucket, now));
        pool.withTransaction(connection -> counters.add(connection, increments)).await().indefinitely();
    }

    /** An exchange as the simulator sends them: a member to any other party. */
    private static Exchange exchange(Instant occurredAt) {
        Party from = MEMBERS[random.nextInt(MEMBERS.length)];
        Party to;
        do {
            to = Party.values()[random.nextInt(Party.values().length)];
        } while (to == from);
        return new Exchange(UUID.randomUUID(), occurredAt, from, to, Agency.values()[random.nextInt(2)],
                ExchangeKind.values()[random.nextInt(2)], Channel.DAILY, CrimeArea.values()[random.nextInt(CrimeArea.values().length)], null);
    }

    private static long single(String sql) {
        Row row = pool.query(sql).executeAndAwait().iterator().next();
        Object value = row.getValue(0);
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }

    private static Instant first(String sql) {
        return pool.query(sql).executeAndAwait().iterator().next().getOffsetDateTime(0).toInstant();
    }

    private static CountersConfig defaults() {
        return new CountersConfig() {
            public String minuteRetention() {
                return "P35D";
            }

            public String hourRetention() {
                return "P400D";
            }

            public String dayRetention() {
                return "forever";
            }

            public String yearRetention() {
                return "forever";
            }

            public Duration maintenanceInterval() {
                return Duration.ofHours(1);
            }
        };
    }
}
