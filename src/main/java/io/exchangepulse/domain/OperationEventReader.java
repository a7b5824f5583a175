package io.exchangepulse.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** The rules for one submitted operation event; like exchanges, an event carries no personal data. */
public final class OperationEventReader {

    /**
     * The most arrests one result reports: Tara's largest, in one country, was 46. A larger number is a mistake
     * or an attack on the board's totals, never a result.
     */
    public static final long MAX_ARRESTS = 100_000;
    /** The largest amount one result reports, in euros: a thousand billion. */
    public static final long MAX_AMOUNT_EUR = 1_000_000_000_000L;

    static final Set<String> FIELDS = new LinkedHashSet<>(List.of(
            "id", "operationId", "type", "occurredAt", "name", "operationKind", "taskForce", "countries", "place",
            "country", "arrests", "seizures", "amountEur"));

    /** The fields that only some event types carry; any other type that sends them is told so. */
    private static final Map<String, Set<OperationEventType>> FIELDS_BY_TYPE = Map.of(
            "name", Set.of(OperationEventType.OPENED),
            "operationKind", Set.of(OperationEventType.OPENED),
            "taskForce", Set.of(OperationEventType.OPENED),
            "countries", Set.of(OperationEventType.OPENED),
            "place", Set.of(OperationEventType.OPERATIONAL_MEETING, OperationEventType.COORDINATED_ACTION),
            "country", Set.of(OperationEventType.RESULT),
            "arrests", Set.of(OperationEventType.RESULT),
            "seizures", Set.of(OperationEventType.RESULT),
            "amountEur", Set.of(OperationEventType.RESULT));

    private final Clock clock;

    public OperationEventReader(Clock clock) {
        this.clock = clock;
    }

    public Reading<OperationEvent> read(JsonNode node) {
        var fields = FieldReader.of(node, FIELDS);
        if (!fields.isObject()) {
            return Reading.invalid(fields.violations());
        }
        UUID id = fields.uuid("id");
        String operationId = fields.operationId("operationId", true);
        OperationEventType type = fields.enumValue("type", OperationEventType.class, true);
        Instant occurredAt = fields.instant("occurredAt", true);
        String name = fields.shortText("name", 80);
        OperationKind operationKind = fields.enumValue("operationKind", OperationKind.class, false);
        TaskForce taskForce = fields.enumValue("taskForce", TaskForce.class, false);
        List<Party> countries = fields.parties("countries");
        String place = fields.shortText("place", 80);
        Party country = fields.party("country", false);
        Long arrests = fields.amount("arrests", MAX_ARRESTS);
        List<Seizure> seizures = fields.enumValues("seizures", Seizure.class);
        Long amountEur = fields.amount("amountEur", MAX_AMOUNT_EUR);

        if (occurredAt != null && occurredAt.isAfter(clock.instant().plus(Admission.MAX_FUTURE))) {
            fields.violate("occurredAt", "is more than 5 minutes in the future (" + occurredAt + ")");
        }
        if (type != null) {
            FIELDS_BY_TYPE.forEach((field, types) -> {
                if (!types.contains(type) && fields.node(field) != null) {
                    fields.violate(field, "is not part of a " + type + " event (only of " + types + ")");
                }
            });
            if (type == OperationEventType.OPENED) {
                if (name == null && fields.node("name") == null) {
                    fields.violate("name", "is required when type is OPENED");
                }
                if (operationKind == null && fields.node("operationKind") == null) {
                    fields.violate("operationKind", "is required when type is OPENED");
                }
                if (fields.node("countries") == null) {
                    fields.violate("countries", "is required when type is OPENED");
                } else if (countries.size() < 2 && fields.violations().stream().noneMatch(v -> v.field().equals("countries"))) {
                    fields.violate("countries", "must name at least two parties: an operation is joint work");
                }
            }
            if (type == OperationEventType.RESULT) {
                if (country == null && fields.node("country") == null) {
                    fields.violate("country", "is required when type is RESULT");
                }
                if (Stream.of("arrests", "seizures", "amountEur").allMatch(field -> fields.node(field) == null)) {
                    fields.violate("arrests", "a RESULT reports arrests, seizures or amountEur (at least one)");
                }
            }
        }
        if (!fields.violations().isEmpty()) {
            return Reading.invalid(fields.violations());
        }
        return Reading.valid(new OperationEvent(id, operationId, type, occurredAt, name, operationKind, taskForce,
                List.copyOf(countries), place, country, arrests,
                List.copyOf(seizures), amountEur));
    }
}
