package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterFamily;
import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.domain.Grain;

import java.util.function.ObjLongConsumer;

/** The counter rows a view renders from: this replica's live copy, read consistently (never half a batch). */
public interface CounterTable {

    /** Every row of this family and grain, with its count. */
    void forEach(CounterFamily family, Grain grain, ObjLongConsumer<CounterKey> row);
}
