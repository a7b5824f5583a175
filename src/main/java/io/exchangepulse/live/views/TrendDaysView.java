package io.exchangepulse.live.views;

import io.exchangepulse.counters.LiveWindow;
import io.exchangepulse.domain.Grain;
import jakarta.inject.Singleton;

/** Each subscribed task force's exchanges per day (the center's days), the last {@code days} days. */
@Singleton
public class TrendDaysView extends TrendView {

    public TrendDaysView() {
        super(Grain.DAY, LiveWindow.SINCE_LAST_YEAR);
    }

    @Override
    public String name() {
        return "trendDays";
    }

    @Override
    protected int steps(Subscription subscription) {
        return subscription.days();
    }
}
