package io.exchangepulse.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object and collects a {@link Violation} for each that is missing or
 * malformed, so that a client learns every problem of an item in one answer, not one at a time.
 */
final class FieldReader {

    private static final Pattern OPERATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final JsonNode node;
    private final List<Violation> violations = new ArrayList<>();

    private FieldReader(JsonNode node) {
        this.node = node;
    }

    /** Empty when {@code node} is not an object: the one violation is then already recorded. */
    static FieldReader of(JsonNode node, Set<String> knownFields) {
        return of(node, knownFields, false);
    }

    /** With {@code unknownAllowed}, fields outside {@code knownFields} are passed over instead of refused. */
    static FieldReader of(JsonNode node, Set<String> knownFields, boolean unknownAllowed) {
        var reader = new FieldReader(node);
        if (node == null || !node.isObject()) {
            reader.violate("", "must be a JSON object");
            return reader;
        }
        if (unknownAllowed) {
            return reader;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                reader.violate(abbreviate(name), "unknown field: the schema carries no other data");
            }
        }
        return reader;
    }

    boolean isObject() {
        return node != null && node.isObject();
    }

    List<Violation> violations() {
        return violations;
    }

    void violate(String field, String message) {
        violations.add(new Violation(field, message));
    }

    String text(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                violate(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            violate(field, "must be a string");
            return null;
        }
        return value.textValue();
    }

    UUID uuid(String field) {
        String text = text(field, true);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below, with the value
        }
        violate(field, "must be a UUID such as 3f1d2c4e-8a43-4c55-9a57-1f0b3c2d9e10, not '" + abbreviate(text) + "'");
        return null;
    }

    Instant instant(String field, boolean required) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        try {
            return UtcInstants.parse(text);
        } catch (DateTimeParseException e) {
            violate(field, "must be an ISO-8601 instant such as 2026-11-28T09:21:00Z, not '" + abbreviate(text) + "'");
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            violate(field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + abbreviate(text) + "'");
            return null;
        }
    }

    Party party(String field, boolean required) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        var party = Party.fromCode(text);
        if (party.isEmpty()) {
            violate(field, "must be a party code (ISO 3166-1 alpha-2 of a member, applicant or observer state, "
                    + "or INTERPOL, WCO, EUBAM, UNMIK), not '" + abbreviate(text) + "'");
            return null;
        }
        return party.get();
    }

    String operationId(String field, boolean required) {
        String text = text(field, required);
        if (text != null && !OPERATION_ID.matcher(text).matches()) {
            violate(field, "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return null;
        }
        return text;
    }

    Long amount(String field, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0 || value.longValue() > max) {
            violate(field, "must be a whole number from 0 to " + String.format("%,d", max));
            return null;
        }
        return value.longValue();
    }

    String shortText(String field, int maxLength) {
        String text = text(field, false);
        if (text != null && (text.isBlank() || text.length() > maxLength)) {
            violate(field, "must be 1 to " + maxLength + " characters");
            return null;
        }
        return text;
    }

    List<Party> parties(String field) {
        List<Party> parties = new ArrayList<>();
        for (String code : texts(field)) {
            var party = Party.fromCode(code);
            if (party.isEmpty()) {
                violate(field, "holds '" + abbreviate(code) + "', which is not a party code");
            } else if (!parties.contains(party.get())) {
                parties.add(party.get());
            }
        }
        return parties;
    }

    <E extends Enum<E>> List<E> enumValues(String field, Class<E> type) {
        List<E> values = new ArrayList<>();
        for (String text : texts(field)) {
            try {
                E value = Enum.valueOf(type, text);
                if (!values.contains(value)) {
                    values.add(value);
                }
            } catch (IllegalArgumentException e) {
                violate(field, "holds '" + abbreviate(text) + "'; allowed: " + Arrays.toString(type.getEnumConstants()));
            }
        }
        return values;
    }

    private List<String> texts(String field) {
        JsonNode value = node.get(field);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (!value.isArray()) {
            violate(field, "must be an array of strings");
            return texts;
        }
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                violate(field, "must be an array of strings");
                return List.of();
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    JsonNode node(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static String abbreviate(String text) {
        return Abbreviated.of(text, 40);
    }
}
