package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.LiveRows;
import io.quarkus.arc.All;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@link LiveView} bean, by name: what the protocol offers. A view that reads counter rows no family keeps
 * live would show nothing, quietly: it stops the start instead, naming the rows to declare.
 */
@Singleton
public class Views {

    private final List<LiveView<?>> all;

    public Views(@All List<LiveView<?>> views) {
        this.all = views.stream().sorted(Comparator.comparing(LiveView::name)).toList();
        List<LiveRows> declared = CounterFamily.allLive();
        for (LiveView<?> view : all) {
            for (LiveRows read : view.rows()) {
                if (declared.stream().noneMatch(read::within)) {
                    throw new IllegalStateException("The view '" + view.name() + "' reads " + read + ", which no counter "
                            + "family keeps live: declare it in CounterFamily (its live windows)");
                }
            }
        }
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
