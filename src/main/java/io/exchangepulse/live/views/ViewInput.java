package io.exchangepulse.live.views;

import io.exchangepulse.alerts.Alert;
import io.exchangepulse.operations.OperationView;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** What the views render from at one moment: the counters, the operations board, the alerts, and the time (UTC days). */
public record ViewInput(CounterTable counters, List<OperationView> operations, List<Alert> alerts, Instant now) {

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    static long epochSecond(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
