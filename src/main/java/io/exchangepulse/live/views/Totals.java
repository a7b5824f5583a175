package io.exchangepulse.live.views;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;

/** The headline numbers: today and this year, each against the same period last year (the center's days). */
@RegisterForReflection
public record Totals(LocalDate date, long today, long sameDayLastYear, long thisYear, long lastYearToDate) {
}
