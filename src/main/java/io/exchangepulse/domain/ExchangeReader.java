package io.exchangepulse.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of the exchange contract (src/docs/api.md, "Sending exchanges") for one submitted exchange, but for
 * when it may arrive ({@link Admission}). The same rules judge what comes over HTTP and what is read from
 * the exchange topic, so both paths accept the same exchanges, with one difference: a field the contract
 * does not name is refused over HTTP (a client's typo gets a clear 400) but passed over in the log
 * ({@link #forLog()}), where a replica of a newer version, mid-deploy, may already write a field this one
 * does not know; the exchange is counted by the fields it knows, never made a dead letter for the new one.
 */
public final class ExchangeReader {

    private final boolean unknownFieldsAllowed;

    /** The reader of the HTTP API: unknown fields are refused. */
    public ExchangeReader() {
        this(false);
    }

    private ExchangeReader(boolean unknownFieldsAllowed) {
        this.unknownFieldsAllowed = unknownFieldsAllowed;
    }

    /** The reader of the exchange topic: unknown fields are passed over. */
    public static ExchangeReader forLog() {
        return new ExchangeReader(true);
    }

    static final Set<String> FIELDS = new LinkedHashSet<>(List.of(
            "id", "occurredAt", "from", "to", "agency", "kind", "channel", "crimeArea", "operationId"));

    public Reading<Exchange> read(JsonNode node) {
        var fields = FieldReader.of(node, FIELDS, unknownFieldsAllowed);
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
