package io.exchangepulse.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.support.Callers;
import io.exchangepulse.support.LiveClient;
import io.exchangepulse.support.PulseServices;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts judged on real counters: a week of steady activity written to the counter tables (in 2031, where
 * no other test counts), then a surge and a silence, judged in rounds the test chooses (the watch is off
 * in the test profile), seen over HTTP and /live, stored with their history, and ended when activity is back within
 * its band; each round judged once, however many judge it at once, and by another when its holder dies.
 */
@QuarkusTest
@Tag("component")
class AlertsTest {

    static final Instant NOW = Instant.parse("2031-03-10T12:30:00Z");

    /**
     * The service makes counter partitions for the buckets it counts, around today; the counts this test writes
     * straight into the tables, years ahead, need partitions of their own.
     */
    @BeforeAll
    static void partitionsOfTheTestsYears() throws SQLException {
        try (var connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "");
             var statement = connection.createStatement()) {
            for (CounterFamily family : CounterFamily.values()) {
                for (Grain grain : family.grains()) {
                    String table = family.table(grain);
                    statement.execute("CREATE TABLE IF NOT EXISTS " + table + "_alerts_test PARTITION OF " + table
                            + " FOR VALUES FROM ('2030-01-01T00:00:00Z') TO ('2033-01-01T00:00:00Z')");
                }
            }
        }
    }
    static final String SURGE = "TASK_FORCE:TERRORISM:PT1H:SURGE";
    static final String LULL = "CRIME_AREA:STOLEN_VEHICLES:PT1H:LULL";

    @Inject
    AlertMonitor monitor;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aSurgeAndASilenceAreFlaggedShownToWhoMaySeeThemAndEndWhenActivityIsBackToNormal() throws Exception {
        steadyWeek("task_force_count", "task_force", "TERRORISM", "", 4);
        steadyWeek("crime_kind_count", "crime_area", "STOLEN_VEHICLES", ", kind", 30);
        // The last half hour: 60 exchanges of the terrorism task force, none of stolen vehicles.
        for (int minute = 0; minute < 30; minute++) {
            insert("task_force_count", "task_force", "TERRORISM", "", "MINUTE", NOW.minus(Duration.ofMinutes(30 - minute)), 2);
        }

        assertThat(monitor.judge(NOW).await().atMost(Duration.ofSeconds(20))).isTrue();

        JsonPath alerts = given().get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
        assertThat(alerts.getList("active.id")).contains(SURGE, LULL);
        assertThat(alerts.getString("active.find { it.id == '" + SURGE + "' }.startedAt")).isEqualTo(NOW.toString());
        assertThat(alerts.getLong("active.find { it.id == '" + SURGE + "' }.observed")).isEqualTo(60);
        assertThat(alerts.getDouble("active.find { it.id == '" + SURGE + "' }.expected")).isBetween(3.5, 4.5);
        assertThat(alerts.getString("active.find { it.id == '" + SURGE + "' }.window")).isEqualTo("PT1H");
        assertThat(alerts.getLong("active.find { it.id == '" + LULL + "' }.observed")).isZero();
        assertThat(alerts.getString("active.find { it.id == '" + LULL + "' }.taskForce")).isEqualTo("STOLEN_VEHICLES");

        assertThat(given().header(Callers.as("leader-drugs")).get("/api/v1/alerts").jsonPath().getList("active.id"))
                .doesNotContain(SURGE, LULL);
        assertThat(given().header(Callers.as("leader-terrorism")).get("/api/v1/alerts").jsonPath().getList("active.id"))
                .contains(SURGE).doesNotContain(LULL);
        try (LiveClient wall = LiveClient.connect(root.getPort())) {
            JsonNode snapshot = wall.until(m -> m.path("type").asText().equals("snapshot"), Duration.ofSeconds(20));
            assertThat(snapshot.at("/views/alerts").findValuesAsText("id")).contains(SURGE, LULL);
        }

        // Three hours on, the last hour as usual for both.
        Instant later = NOW.plus(Duration.ofHours(3));
        for (int minute = 0; minute < 60; minute += 15) {
            insert("task_force_count", "task_force", "TERRORISM", "", "MINUTE", later.minus(Duration.ofMinutes(60 - minute)), 1);
        }
        for (int minute = 0; minute < 60; minute += 2) {
            insert("crime_kind_count", "crime_area", "STOLEN_VEHICLES", ", kind", "MINUTE", later.minus(Duration.ofMinutes(60 - minute)), 1);
        }
        Instant still = NOW.plus(Duration.ofMinutes(5));
        monitor.judge(still).await().atMost(Duration.ofSeconds(20));
        assertThat(given().get("/api/v1/alerts").jsonPath().getString("active.find { it.id == '" + SURGE + "' }.startedAt"))
                .as("the round that raised it, whichever round is the latest").isEqualTo(NOW.toString());
        monitor.judge(later).await().atMost(Duration.ofSeconds(20));

        JsonPath after = given().get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("active.id")).doesNotContain(SURGE, LULL);
        assertThat(after.getList("recent.id")).contains(SURGE, LULL);
        assertThat(after.getString("recent.find { it.id == '" + SURGE + "' }.endedAt")).isEqualTo(later.toString());
        assertThat(history(SURGE)).containsExactly(
                NOW + " RAISED 60", still + " STILL_RAISED 60", later + " CLEARED null");
    }

    @Test
    void aRoundIsJudgedOnceHoweverManyJudgeItAtOnce() throws Exception {
        Instant round = Instant.parse("2031-09-01T08:00:00Z");

        List<Boolean> judged = Uni.join().all(monitor.judge(round), monitor.judge(round), monitor.judge(round)).andFailFast()
                .await().atMost(Duration.ofSeconds(30));

        assertThat(judged).as("one judged it, the others waited for its judgement").containsExactlyInAnyOrder(true, false, false);
        assertThat(count("SELECT count(*) FROM alert_judgement WHERE judged_at = '" + round + "'")).isEqualTo(1);
    }

    @Test
    void aRoundWhoseHolderDiesMidJudgementIsJudgedByAnother() throws Exception {
        Instant round = Instant.parse("2031-10-01T08:00:00Z");
        try (var dying = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "");
             var other = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "")) {
            dying.setAutoCommit(false);
            dying.createStatement().execute("INSERT INTO alert_judgement (judged_at, holder) VALUES ('" + round + "', 'dying')");
            long pid = query(dying, "SELECT pg_backend_pid()");

            var judgement = monitor.judge(round).subscribeAsCompletionStage();
            await().atMost(Duration.ofSeconds(20)).until(() -> query(other, "SELECT count(*) FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO alert_judgement%'") == 1);
            assertThat(judgement).as("waiting on the holder's claim").isNotDone();
            other.createStatement().execute("SELECT pg_terminate_backend(" + pid + ")");

            assertThat(judgement.get(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(count("SELECT count(*) FROM alert_judgement WHERE judged_at = '" + round + "' AND holder <> 'dying'")).isEqualTo(1);
    }

    @Test
    void whatIsPastTheHistorysRetentionIsForgottenByTheNextJudgement() throws Exception {
        Instant old = Instant.parse("2029-01-01T00:00:00Z");
        Instant round = old.plus(Duration.ofDays(8));
        try (var connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("INSERT INTO alert_judgement (judged_at, holder) VALUES ('" + old + "', 'earlier')");
            statement.execute("INSERT INTO alert_history (judged_at, id, started_at, state) VALUES ('" + old + "', 'X:Y:PT1H:SURGE', '"
                    + old + "', 'CLEARED')");
            statement.execute("INSERT INTO alert (id, kind, subject, window_seconds, started_at, ended_at, observed, expected, low, "
                    + "high, sigmas) VALUES ('X:Y:PT1H:SURGE', 'SURGE', 'TASK_FORCE', 3600, '" + old + "', '" + old + "', 1, 1, 1, 1, 1)");
        }

        monitor.judge(round).await().atMost(Duration.ofSeconds(20));

        assertThat(count("SELECT count(*) FROM alert_judgement WHERE judged_at = '" + old + "'")).isZero();
        assertThat(count("SELECT count(*) FROM alert_history WHERE judged_at = '" + old + "'")).isZero();
        assertThat(count("SELECT count(*) FROM alert WHERE id = 'X:Y:PT1H:SURGE'")).isZero();
        assertThat(count("SELECT count(*) FROM alert_judgement WHERE judged_at = '" + round + "'")).isEqualTo(1);
    }

    @Test
    void quietWhereQuietIsUsualIsNoAlert() {
        monitor.judge(Instant.parse("2032-06-01T03:00:00Z")).await().atMost(Duration.ofSeconds(20));

        assertThat(given().get("/api/v1/alerts").jsonPath().getList("active")).isEmpty();
    }

    /** A week of hours at {@code perHour}, and four weeks of days at 24 times that, before {@link #NOW}. */
    static void steadyWeek(String table, String column, String code, String kindColumn, long perHour) throws SQLException {
        Instant hour = NOW.truncatedTo(ChronoUnit.HOURS);
        for (int i = 1; i <= 7 * 24; i++) {
            insert(table, column, code, kindColumn, "HOUR", hour.minus(Duration.ofHours(i)), perHour);
        }
        Instant day = NOW.truncatedTo(ChronoUnit.DAYS);
        for (int i = 1; i <= 28; i++) {
            insert(table, column, code, kindColumn, "DAY", day.minus(Duration.ofDays(i)), perHour * 24);
        }
        // And the hours of today, so that the day's window is as usual too.
        for (Instant h = day; h.isBefore(hour); h = h.plus(Duration.ofHours(1))) {
            insert(table, column, code, kindColumn, "HOUR", h, perHour);
        }
    }

    /** What each round did to an alert, oldest first: the round, the change, the count observed. */
    static List<String> history(String id) throws SQLException {
        List<String> history = new ArrayList<>();
        try (var connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "");
             var statement = connection.prepareStatement("SELECT judged_at, state, observed FROM alert_history WHERE id = ? "
                     + "ORDER BY judged_at")) {
            statement.setString(1, id);
            var rows = statement.executeQuery();
            while (rows.next()) {
                history.add(rows.getTimestamp(1).toInstant() + " " + rows.getString(2) + " " + rows.getObject(3));
            }
        }
        return history;
    }

    static long count(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "")) {
            return query(connection, sql);
        }
    }

    static long query(Connection connection, String sql) throws SQLException {
        try (var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void insert(String table, String column, String code, String kindColumn, String grain, Instant bucket, long n)
            throws SQLException {
        try (var connection = DriverManager.getConnection(PulseServices.jdbcUrl(), "postgres", "");
             var statement = connection.prepareStatement("INSERT INTO " + table + " (grain, bucket, " + column + kindColumn + ", n) "
                     + "VALUES (?, ?, ?" + (kindColumn.isEmpty() ? "" : ", 'REQUEST'") + ", ?) ON CONFLICT DO NOTHING")) {
            statement.setString(1, grain);
            statement.setTimestamp(2, Timestamp.from(bucket));
            statement.setString(3, code);
            statement.setLong(4, n);
            statement.executeUpdate();
        }
    }
}
