package io.exchangepulse.live;

import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.Party;
import io.exchangepulse.operations.OperationView;
import io.exchangepulse.query.CrimeAreaCount;
import io.exchangepulse.query.Flow;
import io.exchangepulse.query.YearlyTotals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything one subscription shows at one moment, keyed so that two states can be compared cell by
 * cell. Views the subscription does not follow are null.
 */
record ViewState(
        LocalDate date,
        Map<Integer, YearlyTotals> yearly,
        Map<CrimeArea, CrimeAreaCount> crimeAreas,
        Totals totals,
        TrendWindow trendMinutes,
        TrendWindow trendDays,
        Map<List<Party>, Flow> flows,
        List<OperationView> operations) {
}
