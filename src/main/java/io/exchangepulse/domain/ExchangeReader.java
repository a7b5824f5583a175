package io.exchangepulse.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of the exchange contract (src/docs/api.md, "Sending exchanges") for one submitted exchange, but for
 * when it may arrive ({@link Admission}). The same reader judges what comes over HTTP and what other
 * producers write straight to Kafka, so both paths accept exactly the same exchanges.
 */
public final class ExchangeReader {

    static final Set<String> FIELDS = new LinkedHashSet<>(List.of(
            "id", "occurredAt", "from", "to", "agency", "kind", "channel", "crimeArea", "operationId"));

    public Reading<Exchange> read(JsonNode node) {
        var fields = FieldReader.of(node, FIELDS);
        if (!fields.isObject()) {
            return Reading.invalid(fields.violations());
        }
        UUID id = fields.uuid("id");
        Instant occurredAt = fields.instant("occurredAt", true);
        Party from = fields.party("from", true);
        Party to = fields.party("to", true);
        Agency agency = fields.enumValue("agency", Agency.class, true);
        ExchangeKind kind = fields.enumValue("kind", ExchangeKind.class, true);
        Channel channel = fields.enumValue("channel", Channel.class, true);
        CrimeArea crimeArea = fields.enumValue("crimeArea", CrimeArea.class, true);
        String operationId = fields.operationId("operationId", false);

        if (from != null && to != null) {
            if (from == to) {
                fields.violate("to", "must differ from 'from' (" + from + ")");
            } else if (Scope.of(from, to).isEmpty()) {
                fields.violate("from", "an exchange needs a member state on one side; neither " + from + " nor " + to
                        + " is a member");
            }
        }
        if (channel == Channel.OPERATION && operationId == null && fields.node("operationId") == null) {
            fields.violate("operationId", "is required when channel is OPERATION");
        }
        if (channel == Channel.DAILY && operationId != null) {
            fields.violate("operationId", "must be null when channel is DAILY (a daily exchange belongs to no operation)");
        }
        if (!fields.violations().isEmpty()) {
            return Reading.invalid(fields.violations());
        }
        return Reading.valid(new Exchange(id, occurredAt, from, to, agency, kind, channel, crimeArea, operationId));
    }
}
