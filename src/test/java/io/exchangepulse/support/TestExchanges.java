package io.exchangepulse.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Valid exchanges in the contract's JSON shape, to be bent by each test. */
public final class TestExchanges {

    private TestExchanges() {
    }

    public static Map<String, Object> valid(Instant occurredAt) {
        Map<String, Object> exchange = new LinkedHashMap<>();
        exchange.put("id", UUID.randomUUID().toString());
        exchange.put("occurredAt", occurredAt.toString());
        exchange.put("from", "RO");
        exchange.put("to", "BG");
        exchange.put("agency", "POLICE");
        exchange.put("kind", "REQUEST");
        exchange.put("channel", "DAILY");
        exchange.put("crimeArea", "DRUG_TRAFFICKING");
        exchange.put("operationId", null);
        return exchange;
    }

    public static Map<String, Object> with(Map<String, Object> exchange, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(exchange);
        changed.put(field, value);
        return changed;
    }

    public static Map<String, Object> without(Map<String, Object> exchange, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(exchange);
        changed.remove(field);
        return changed;
    }
}
