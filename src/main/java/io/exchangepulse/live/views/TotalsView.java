package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.LiveRows;
import io.exchangepulse.counters.LiveWindow;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.TaskForce;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The headline numbers of the subscribed task forces: today and this year, each against last year. */
@Singleton
public class TotalsView implements LiveView<Totals> {

    @Override
    public String name() {
        return "totals";
    }

    @Override
    public Merge merge() {
        return Merge.fields();
    }

    private static final LiveRows DAYS = new LiveRows(CounterFamily.TASK_FORCE, Grain.DAY, LiveWindow.SINCE_LAST_YEAR);
    private static final LiveRows YEARS = new LiveRows(CounterFamily.TASK_FORCE, Grain.YEAR, LiveWindow.ALL);

    @Override
    public List<LiveRows> rows() {
        return List.of(DAYS, YEARS);
    }

    @Override
    public Totals render(ViewInput input, Subscription subscription) {
        LocalDate today = input.today();
        LocalDate sameDayLastYear = today.minusYears(1);
        long todayStart = input.epochSecond(today);
        long lastYearDay = input.epochSecond(sameDayLastYear);
        long lastYearStart = input.epochSecond(sameDayLastYear.withDayOfYear(1));
        long thisYearStart = input.epochSecond(today.withDayOfYear(1));
        long[] totals = new long[4];
        input.counters().forEach(DAYS, (key, count) -> {
            if (!subscription.covers(TaskForce.valueOf(key.dimensions().get(0)))) {
                return;
            }
            if (key.bucket() == todayStart) {
                totals[0] += count;
            }
            if (key.bucket() == lastYearDay) {
                totals[1] += count;
            }
            if (key.bucket() >= lastYearStart && key.bucket() <= lastYearDay) {
                totals[3] += count;
            }
        });
        input.counters().forEach(YEARS, (key, count) -> {
            if (key.bucket() == thisYearStart && subscription.covers(TaskForce.valueOf(key.dimensions().get(0)))) {
                totals[2] += count;
            }
        });
        return new Totals(today, totals[0], totals[1], totals[2], totals[3]);
    }

    @Override
    public Object snapshot(Totals state) {
        return state;
    }

    @Override
    public Optional<Object> changes(Totals before, Totals after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        if (after.today() != before.today()) {
            changed.put("today", after.today());
        }
        if (after.sameDayLastYear() != before.sameDayLastYear()) {
            changed.put("sameDayLastYear", after.sameDayLastYear());
        }
        if (after.thisYear() != before.thisYear()) {
            changed.put("thisYear", after.thisYear());
        }
        if (after.lastYearToDate() != before.lastYearToDate()) {
            changed.put("lastYearToDate", after.lastYearToDate());
        }
        return changed.isEmpty() ? Optional.empty() : Optional.of(changed);
    }
}
