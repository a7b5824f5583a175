package io.exchangepulse.counters;

import io.exchangepulse.domain.Grain;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** One counter row: family, grain, bucket (epoch seconds, UTC) and dimension values. */
@RegisterForReflection
public record CounterKey(CounterFamily family, Grain grain, long bucket, List<String> dimensions) {

    public CounterKey {
        dimensions = List.copyOf(dimensions);
    }
}
