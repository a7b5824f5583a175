package io.exchangepulse.report;

import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.query.CrimeAreaCount;
import io.exchangepulse.query.YearlyTotals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The annual report as CSV (RFC 4180): one table per section, each with its header row, a blank line
 * between them, names as the dashboard shows them, plain integers. What a spreadsheet opens as it is.
 */
final class ReportCsv {

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private ReportCsv() {
    }

    static String of(AnnualReport report) {
        int year = report.year();
        int previous = year - 1;
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Exchange Pulse annual report", year));
        rows.add(List.of());

        rows.add(List.of("Total exchanges", year, previous, "Change"));
        scopeRow(rows, "Members, daily", report, YearlyTotals::membersDaily);
        scopeRow(rows, "Members, in operations", report, YearlyTotals::membersOperations);
        scopeRow(rows, "Member-observer, daily", report, YearlyTotals::memberObserverDaily);
        scopeRow(rows, "Member-observer, in operations",
                report, totals -> totals.memberObserverOperations() == null ? 0 : totals.memberObserverOperations());
        scopeRow(rows, "Total", report, YearlyTotals::total);
        rows.add(List.of());

        rows.add(List.of("Crime area", "Task force", "Requests", "Information", "Total", "Total " + previous, "Change"));
        long[] sums = new long[4];
        for (int i = 0; i < report.crimeAreas().size(); i++) {
            CrimeAreaCount row = report.crimeAreas().get(i);
            long total = row.requests() + row.information();
            long before = total(report.previousCrimeAreas(), row.crimeArea());
            rows.add(List.of(row.crimeArea().displayName(), row.taskForce().displayName(), row.requests(), row.information(), total,
                    before, total - before));
            sums[0] += row.requests();
            sums[1] += row.information();
            sums[2] += total;
            sums[3] += before;
        }
        rows.add(List.of("Total", "", sums[0], sums[1], sums[2], sums[3], sums[2] - sums[3]));
        rows.add(List.of());

        List<Object> header = new ArrayList<>(List.of("Task force", year, previous, "Change"));
        header.addAll(List.of(MONTHS));
        rows.add(header);
        for (AnnualReport.TaskForceActivity activity : report.taskForces()) {
            List<Object> row = new ArrayList<>(List.of(activity.taskForce().displayName(), activity.total(), activity.previousTotal(),
                    activity.total() - activity.previousTotal()));
            for (int month = 0; month < 12; month++) {
                row.add(activity.months() == null ? "" : activity.months()[month]);
            }
            rows.add(row);
        }
        return rows.stream().map(ReportCsv::line).collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static void scopeRow(List<List<Object>> rows, String name, AnnualReport report, ToLongFunction<YearlyTotals> cell) {
        long now = report.totals() == null ? 0 : cell.applyAsLong(report.totals());
        long before = report.previousTotals() == null ? 0 : cell.applyAsLong(report.previousTotals());
        rows.add(List.of(name, now, before, now - before));
    }

    private static long total(List<CrimeAreaCount> rows, CrimeArea area) {
        return rows.stream().filter(row -> row.crimeArea() == area).mapToLong(row -> row.requests() + row.information()).sum();
    }

    private static String line(List<Object> cells) {
        return cells.stream().map(String::valueOf).map(ReportCsv::field).collect(Collectors.joining(","));
    }

    /** A field with a comma, a quote or a line break is quoted, its quotes doubled. */
    private static String field(String text) {
        return Stream.of(",", "\"", "\n", "\r").anyMatch(text::contains) ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
