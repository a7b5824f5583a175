package io.exchangepulse.support;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A task force's counts written straight into the counters of a database of a test's own, around the moment the test
 * runs: the usual activity and a surge above it for the alerts, whatever the time of day. A new database's first
 * partition holds every bucket before tomorrow, and no rule about closed years applies to what is written here.
 */
public final class TaskForceCounts {

    private TaskForceCounts() {
    }

    /**
     * {@code perHour} more in each of the six days of hours before {@code now}'s hour, and a day of them in each of the
     * four weeks of days before its day: the past the bands of the hour and the day are made of.
     */
    public static void usual(String jdbcUrl, String taskForce, Instant now, long perHour) throws SQLException {
        add(jdbcUrl, taskForce, "HOUR", now.truncatedTo(ChronoUnit.HOURS), Duration.ofHours(1), 6 * 24, perHour);
        add(jdbcUrl, taskForce, "DAY", now.truncatedTo(ChronoUnit.DAYS), Duration.ofDays(1), 28, 24 * perHour);
    }

    /** {@code perMinute} more in each of the 30 minutes before {@code now}'s minute: what the hour window observes. */
    public static void lastHalfHour(String jdbcUrl, String taskForce, Instant now, long perMinute) throws SQLException {
        add(jdbcUrl, taskForce, "MINUTE", now.truncatedTo(ChronoUnit.MINUTES), Duration.ofMinutes(1), 30, perMinute);
    }

    private static void add(String jdbcUrl, String taskForce, String grain, Instant current, Duration step, int buckets, long n)
            throws SQLException {
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO task_force_count (grain, bucket, task_force, n) "
                     + "VALUES (?, ?, ?, ?) ON CONFLICT (grain, bucket, task_force) DO UPDATE SET n = task_force_count.n + excluded.n")) {
            for (int i = 1; i <= buckets; i++) {
                insert.setString(1, grain);
                insert.setTimestamp(2, Timestamp.from(current.minus(step.multipliedBy(i))));
                insert.setString(3, taskForce);
                insert.setLong(4, n);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
