package io.exchangepulse.live;

import io.exchangepulse.aggregate.CounterFamily;
import io.exchangepulse.domain.Grain;

import java.util.List;

/** One counter row: family, grain, bucket (epoch seconds, UTC) and dimension values. */
record CounterKey(CounterFamily family, Grain grain, long bucket, List<String> dimensions) {
}
