package io.exchangepulse.live.views;

import io.exchangepulse.counters.CounterKey;
import io.exchangepulse.counters.LiveRows;

import java.util.function.ObjLongConsumer;

/** The counter rows a view renders from: this replica's live copy, read consistently (never half a batch). */
public interface CounterTable {

    /**
     * Every row of the family and grain of {@code rows}, with its count: at least those inside its window (a view
     * still picks the buckets it shows). A view reads only the rows it declares ({@link LiveView#rows()}).
     */
    void forEach(LiveRows rows, ObjLongConsumer<CounterKey> row);
}
