package io.exchangepulse.live.views;

import io.exchangepulse.counters.LiveWindow;
import io.exchangepulse.domain.Grain;
import jakarta.inject.Singleton;

/** Each subscribed task force's exchanges per minute, the last {@code minutes} minutes. */
@Singleton
public class TrendMinutesView extends TrendView {

    public TrendMinutesView() {
        super(Grain.MINUTE, LiveWindow.LAST_MINUTES);
    }

    @Override
    public String name() {
        return "trendMinutes";
    }

    @Override
    protected int steps(Subscription subscription) {
        return subscription.minutes();
    }
}
