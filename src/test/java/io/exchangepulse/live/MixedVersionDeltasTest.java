package io.exchangepulse.live;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.LiveRows;
import io.exchangepulse.counters.LiveWindow;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.TaskForce;
import io.exchangepulse.support.Counts;
import io.exchangepulse.support.KafkaTopics;
import io.exchangepulse.support.PulseServices;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas of two versions during a rolling deploy: each reads the other's deltas from the delta topic. A delta
 * that does not say it carries every live row this replica keeps (an older replica's, format 1), or of a
 * newer format, makes the live copy reload from PostgreSQL, so a view the older replica knows nothing of is
 * not starved; rows and codes of a newer replica that this one does not know are passed over.
 */
@QuarkusTest
@Tag("component")
class MixedVersionDeltasTest {

    static final String DELTAS = "pulse.deltas";
    /**
     * A year no other test counts in, whose task-force rows are live whatever the date (years are kept live for
     * ever), so the test means the same at midnight and on New Year's Eve.
     */
    static final Instant YEAR = Instant.parse("1990-01-01T00:00:00Z");
    static final LiveRows YEARS = new LiveRows(CounterFamily.TASK_FORCE, Grain.YEAR, LiveWindow.ALL);

    @Inject
    LiveCounters counters;

    @Inject
    MeterRegistry metrics;

    @Test
    void anOlderReplicasDeltaThatCarriesLessMakesTheLiveCopyReloadInsteadOfStarvingAView() throws Exception {
        CounterKey flow = countedByAnotherReplica(TaskForce.DRUGS);

        produce("{\"spans\":[],\"newestIngestedAt\":0,\"rows\":[],\"reload\":false}");

        awaitLiveCopyHolds(flow);
    }

    @Test
    void aNewerFormatMakesTheLiveCopyReloadToo() throws Exception {
        CounterKey flow = countedByAnotherReplica(TaskForce.TERRORISM);

        produce("{\"format\":3,\"spans\":[],\"newestIngestedAt\":0,\"rows\":[],\"reload\":false}");

        awaitLiveCopyHolds(flow);
    }

    @Test
    void rowsAndCodesANewerReplicaAddsArePassedOverWhileAnUnreadableDeltaReloads() throws Exception {
        double foreign = foreignDeltas();
        StringBuilder carries = new StringBuilder("{\"family\":\"AGENCY\",\"grain\":\"DAY\",\"window\":\"TODAY\"}");
        for (LiveRows live : CounterFamily.allLive()) {
            carries.append(",{\"family\":\"").append(live.family()).append("\",\"grain\":\"").append(live.grain())
                    .append("\",\"window\":\"").append(live.window()).append("\"}");
        }

        produce("{\"format\":2,\"carries\":[" + carries + "],\"spans\":[],\"newestIngestedAt\":0,\"compressed\":true,"
                + "\"rows\":[{\"key\":{\"family\":\"AGENCY\",\"grain\":\"DAY\",\"bucket\":" + YEAR.getEpochSecond()
                + ",\"dimensions\":[\"POLICE\"]},\"count\":3}],\"reload\":false}");
        CounterKey flow = countedByAnotherReplica(TaskForce.STOLEN_VEHICLES);
        produce("not a delta at all");

        awaitLiveCopyHolds(flow);
        assertThat(foreignDeltas()).as("only the unreadable delta is another version's").isEqualTo(foreign + 1);
    }

    /** A task force's count of {@link #YEAR}, added in PostgreSQL as another replica would, with no delta this one reads. */
    private static CounterKey countedByAnotherReplica(TaskForce taskForce) throws Exception {
        try (var connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "");
             var statement = connection.prepareStatement("INSERT INTO task_force_count (grain, bucket, task_force, n) "
                     + "VALUES ('YEAR', ?, ?, 7) ON CONFLICT (grain, bucket, task_force) DO UPDATE SET n = task_force_count.n + 7")) {
            statement.setObject(1, YEAR.atOffset(ZoneOffset.UTC));
            statement.setString(2, taskForce.name());
            statement.executeUpdate();
        }
        return new CounterKey(CounterFamily.TASK_FORCE, Grain.YEAR, YEAR.getEpochSecond(), List.of(taskForce.name()));
    }

    private void awaitLiveCopyHolds(CounterKey key) throws Exception {
        long stored = Counts.stored(key.family(), key.grain(), YEAR, YEAR.plus(Duration.ofDays(365))).get(key.dimensions());
        await().atMost(Duration.ofSeconds(30)).until(() -> counters.read(table -> {
            long[] live = new long[1];
            table.forEach(YEARS, (row, count) -> {
                if (row.equals(key)) {
                    live[0] = count;
                }
            });
            return live[0] == stored;
        }));
    }

    private static void produce(String json) {
        KafkaTopics.produce(DELTAS, null, json.getBytes(StandardCharsets.UTF_8));
    }

    private double foreignDeltas() {
        var counter = metrics.find("pulse.live.deltas.foreign").counter();
        return counter == null ? 0 : counter.count();
    }
}
