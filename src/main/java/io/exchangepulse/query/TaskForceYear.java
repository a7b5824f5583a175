package io.exchangepulse.query;

import io.exchangepulse.domain.TaskForce;

import java.util.Map;

/**
 * Each task force's exchanges in one year, and by month where the year's days are kept: live years are
 * counted by the day, the seed's history and archived years only by the year.
 *
 * @param months per task force, twelve counts from January; empty when {@code monthsKept} is false
 */
public record TaskForceYear(int year, Map<TaskForce, Long> totals, Map<TaskForce, long[]> months, boolean monthsKept) {

    public long total(TaskForce taskForce) {
        return totals.getOrDefault(taskForce, 0L);
    }
}
