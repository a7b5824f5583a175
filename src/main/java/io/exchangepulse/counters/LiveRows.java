package io.exchangepulse.counters;

import io.exchangepulse.domain.Grain;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Counter rows that are live: one family's rows of one grain inside a window. A family declares the rows
 * it keeps live ({@link CounterFamily#live()}); a view declares the rows it reads, which must lie inside
 * them, and a delta says which it carries.
 */
@RegisterForReflection
public record LiveRows(CounterFamily family, Grain grain, LiveWindow window) {

    /** Whether every row of these is also one of {@code declared}. */
    public boolean within(LiveRows declared) {
        return family == declared.family && grain == declared.grain && window.within(declared.window);
    }

    @Override
    public String toString() {
        return family + "/" + grain + "/" + window;
    }
}
