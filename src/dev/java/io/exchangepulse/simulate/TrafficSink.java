package io.exchangepulse.simulate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Where the simulator's exchanges go: a running service over HTTP, or Kafka directly. */
interface TrafficSink extends AutoCloseable {

    /** Completes with how many of the batch were accepted; fails if none could be delivered. */
    CompletionStage<Integer> send(List<Map<String, Object>> batch);

    @Override
    void close();
}
