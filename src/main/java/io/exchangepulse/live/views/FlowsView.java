package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.LiveRows;
import io.exchangepulse.counters.LiveWindow;
import io.exchangepulse.domain.Grain;
import io.exchangepulse.domain.Party;
import io.exchangepulse.query.Flow;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Today's intelligence flow, exchanges per ordered pair of parties: the rows of {@code GET /api/v1/flows}. Under
 * load hundreds of pairs change a tick, so a delta carries them as a matrix of counts, not as rows.
 */
@Singleton
public class FlowsView implements LiveView<Map<List<Party>, Flow>> {

    @Override
    public String name() {
        return "flows";
    }

    @Override
    public boolean byTaskForce() {
        return false;
    }

    @Override
    public Merge merge() {
        return Merge.matrix("from", "to", "count");
    }

    private static final LiveRows TODAY = new LiveRows(CounterFamily.FLOW, Grain.DAY, LiveWindow.TODAY);

    @Override
    public List<LiveRows> rows() {
        return List.of(TODAY);
    }

    /** The whole center's flows: the flow counters have no task-force dimension. */
    @Override
    public Map<List<Party>, Flow> render(ViewInput input, Subscription subscription) {
        long today = input.epochSecond(input.today());
        Map<List<Party>, Flow> flows = new HashMap<>();
        input.counters().forEach(TODAY, (key, count) -> {
            if (key.bucket() == today) {
                Party from = Party.valueOf(key.dimensions().get(0));
                Party to = Party.valueOf(key.dimensions().get(1));
                flows.put(List.of(from, to), new Flow(from, to, count));
            }
        });
        return flows;
    }

    @Override
    public Object snapshot(Map<List<Party>, Flow> state) {
        return state.values().stream().sorted(Flow.LARGEST_FIRST).toList();
    }

    @Override
    public Optional<Object> changes(Map<List<Party>, Flow> before, Map<List<Party>, Flow> after) {
        return Changes.changedCells(before, after, flow -> flow.from().name(), flow -> flow.to().name(), Flow::count);
    }
}
