package io.exchangepulse.live.views;

import io.exchangepulse.alerts.Alert;
import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.operations.OperationView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the views render from at one moment: the counters, the operations board, the alerts, the time and the center's calendar. */
public record ViewInput(CounterTable counters, List<OperationView> operations, List<Alert> alerts, Instant now, CenterCalendar calendar) {

    /** The center's date now. */
    public LocalDate today() {
        return calendar.dayOf(now);
    }

    /** The bucket (epoch seconds) where the center's {@code day} starts. */
    long epochSecond(LocalDate day) {
        return calendar.startOf(day).getEpochSecond();
    }
}
