package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.Horizon;
import io.exchangepulse.counters.LiveRows;
import io.quarkus.arc.All;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@link LiveView} bean, by name: what the protocol offers, and the counter rows the live copy keeps. */
@Singleton
public class Views implements LiveRows {

    private final List<LiveView<?>> all;

    public Views(@All List<LiveView<?>> views) {
        this.all = views.stream().sorted(Comparator.comparing(LiveView::name)).toList();
    }

    public List<LiveView<?>> all() {
        return all;
    }

    public Optional<LiveView<?>> named(String name) {
        return all.stream().filter(view -> view.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return all.stream().map(LiveView::name).toList();
    }

    @Override
    public boolean keeps(CounterKey key, Horizon horizon) {
        for (LiveView<?> view : all) {
            if (view.reads(key, horizon)) {
                return true;
            }
        }
        return false;
    }

    /** The states of every view the subscription follows. */
    public ViewStates render(ViewInput input, Subscription subscription) {
        Map<LiveView<?>, Object> states = new LinkedHashMap<>();
        for (LiveView<?> view : all) {
            if (subscription.follows(view.name())) {
                states.put(view, view.render(input, subscription));
            }
        }
        return new ViewStates(input.today(), states);
    }
}
