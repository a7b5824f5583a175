package io.exchangepulse.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dashboard does with the protocol, in Java: keeps a snapshot and applies deltas to it, so a test
 * can compare the result with a fresh snapshot. Covers the views the tests check: totals and trends.
 */
public final class LiveMirror {

    private final Map<String, Long> totals = new TreeMap<>();
    /** "view/taskForce/t" to count. */
    private final Map<String, Long> trends = new TreeMap<>();
    private long seq;

    public LiveMirror(JsonNode snapshot) {
        reset(snapshot);
    }

    public void reset(JsonNode snapshot) {
        seq = snapshot.get("seq").asLong();
        totals.clear();
        trends.clear();
        JsonNode views = snapshot.get("views");
        views.path("totals").fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                totals.put(e.getKey(), e.getValue().asLong());
            }
        });
        for (String view : new String[]{"trendMinutes", "trendDays"}) {
            JsonNode trend = views.get(view);
            if (trend == null) {
                continue;
            }
            Instant from = Instant.parse(trend.get("from").asText());
            Duration step = Duration.parse(trend.get("step").asText());
            trend.get("series").forEach(series -> {
                for (int i = 0; i < series.get("counts").size(); i++) {
                    trends.put(view + "/" + series.get("taskForce").asText() + "/" + from.plus(step.multipliedBy(i)),
                            series.get("counts").get(i).asLong());
                }
            });
        }
    }

    /** Applies a message: a delta's changes, a new snapshot, or nothing (a heartbeat); checks seq. */
    public void apply(JsonNode message) {
        long next = message.get("seq").asLong();
        if (next != seq + 1) {
            throw new AssertionError("seq jumped from " + seq + " to " + next);
        }
        seq = next;
        switch (message.get("type").asText()) {
            case "snapshot" -> reset(message);
            case "delta" -> {
                JsonNode changes = message.get("changes");
                changes.path("totals").fields().forEachRemaining(e -> totals.put(e.getKey(), e.getValue().asLong()));
                for (String view : new String[]{"trendMinutes", "trendDays"}) {
                    JsonNode change = changes.get(view);
                    if (change == null) {
                        continue;
                    }
                    String from = Instant.parse(change.get("from").asText()).toString();
                    trends.keySet().removeIf(key -> key.startsWith(view + "/") && key.substring(key.lastIndexOf('/') + 1).compareTo(from) < 0);
                    change.get("points").forEach(p -> trends.put(
                            view + "/" + p.get("taskForce").asText() + "/" + Instant.parse(p.get("t").asText()), p.get("count").asLong()));
                }
            }
            default -> {
            }
        }
    }

    public long total(String field) {
        return totals.getOrDefault(field, 0L);
    }

    public long trend(String view, String taskForce, Instant t) {
        return trends.getOrDefault(view + "/" + taskForce + "/" + t, 0L);
    }

    /** The same totals, and the same counts at every step both know (windows may have moved). */
    public boolean agreesWith(LiveMirror other) {
        return totals.equals(other.totals) && trends.entrySet().stream()
                .allMatch(e -> !other.trends.containsKey(e.getKey()) || other.trends.get(e.getKey()).equals(e.getValue()));
    }

    @Override
    public String toString() {
        return "totals " + totals + ", trends " + trends.entrySet().stream().filter(e -> e.getValue() != 0).toList();
    }
}
