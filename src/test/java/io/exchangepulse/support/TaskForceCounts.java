package io.exchangepulse.support;

import io.exchangepulse.domain.Grain;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A task force's counts written straight into the counters of a database of a test's own, in the center's buckets
 * before a moment of the suite's clock: the usual activity and a surge above it for the alerts. A new database's
 * first partition holds every bucket before tomorrow, and no rule about closed years applies to what is written here.
 */
public final class TaskForceCounts {

    private TaskForceCounts() {
    }

    /**
     * {@code perHour} more in each of the six days of hours before {@code now}'s hour, and a day of them in each of the
     * four weeks of days before its day: the past the bands of the hour and the day are made of.
     */
    public static void usual(String jdbcUrl, String taskForce, Instant now, long perHour) throws SQLException {
        add(jdbcUrl, taskForce, Grain.HOUR, now, 6 * 24, perHour);
        add(jdbcUrl, taskForce, Grain.DAY, now, 28, 24 * perHour);
    }

    /** {@code perMinute} more in each of the 30 minutes before {@code now}'s minute: what the hour window observes. */
    public static void lastHalfHour(String jdbcUrl, String taskForce, Instant now, long perMinute) throws SQLException {
        add(jdbcUrl, taskForce, Grain.MINUTE, now, 30, perMinute);
    }

    private static void add(String jdbcUrl, String taskForce, Grain grain, Instant now, int buckets, long n) throws SQLException {
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO task_force_count (grain, bucket, task_force, n) "
                     + "VALUES (?, ?, ?, ?) ON CONFLICT (grain, bucket, task_force) DO UPDATE SET n = task_force_count.n + excluded.n")) {
            Instant bucket = SuiteClock.CALENDAR.bucketOf(grain, now);
            for (int i = 0; i < buckets; i++) {
                bucket = SuiteClock.CALENDAR.previous(grain, bucket);
                insert.setString(1, grain.name());
                insert.setTimestamp(2, Timestamp.from(bucket));
                insert.setString(3, taskForce);
                insert.setLong(4, n);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
