package io.exchangepulse.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OperationEventReaderTest {

    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    static final OperationEventReader READER = new OperationEventReader(Clock.fixed(NOW, ZoneOffset.UTC));
    static final ObjectMapper MAPPER = new ObjectMapper();

    static Map<String, Object> event(String type, Object... fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "0b6f1f3e-2f57-4d1a-9c1e-5d2b8f0e7a11");
        event.put("operationId", "TARA");
        event.put("type", type);
        event.put("occurredAt", "2009-03-24T08:00:00Z");
        for (int i = 0; i < fields.length; i += 2) {
            event.put((String) fields[i], fields[i + 1]);
        }
        return event;
    }

    static List<String> brokenFields(Map<String, Object> event) {
        return READER.read(MAPPER.valueToTree(event)).violations().stream().map(Violation::field).toList();
    }

    @Test
    void readsAnOpeningWithItsCountries() {
        var reading = READER.read(MAPPER.valueToTree(event("OPENED", "name", "Tara", "operationKind", "JOINT_INVESTIGATION",
                "taskForce", "HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION", "countries", List.of("BA", "TR", "AT"))));

        assertThat(reading.violations()).isEmpty();
        assertThat(reading.value().countries()).containsExactly(Party.BA, Party.TR, Party.AT);
    }

    @Test
    void anOpeningNeedsNameKindAndAtLeastTwoCountries() {
        assertThat(brokenFields(event("OPENED"))).containsExactlyInAnyOrder("name", "operationKind", "countries");
        assertThat(brokenFields(event("OPENED", "name", "Solo", "operationKind", "JOINT_INVESTIGATION",
                "countries", List.of("RO")))).containsExactly("countries");
    }

    @Test
    void aResultNeedsACountryAndSomethingAchieved() {
        assertThat(brokenFields(event("RESULT"))).containsExactlyInAnyOrder("country", "arrests");
        assertThat(brokenFields(event("RESULT", "country", "HR", "arrests", 46, "seizures", List.of("WEAPONS")))).isEmpty();
        assertThat(brokenFields(event("RESULT", "country", "HR", "arrests", -1))).containsExactly("arrests");
        assertThat(brokenFields(event("RESULT", "country", "HR", "seizures", List.of("SECRETS")))).containsExactly("seizures");
    }

    @Test
    void fieldsOfAnotherTypeAndUnknownFieldsAreRejected() {
        assertThat(brokenFields(event("CLOSED", "arrests", 3))).containsExactly("arrests");
        assertThat(brokenFields(event("OPERATIONAL_MEETING", "place", "Sarajevo", "attendees", List.of("x"))))
                .containsExactly("attendees");
    }

    @Test
    void theTypeAndTheOperationCodeAreChecked() {
        assertThat(brokenFields(event("FINISHED"))).containsExactly("type");
        var badCode = event("CLOSED");
        badCode.put("operationId", "no spaces allowed");
        assertThat(brokenFields(badCode)).containsExactly("operationId");
    }
}
