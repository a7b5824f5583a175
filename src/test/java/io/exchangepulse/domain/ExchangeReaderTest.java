package io.exchangepulse.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangepulse.support.TestExchanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.exchangepulse.support.TestExchanges.with;
import static io.exchangepulse.support.TestExchanges.without;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the exchange contract (src/docs/api.md, "Sending exchanges") for one exchange, each on its own. */
class ExchangeReaderTest {

    static final Instant NOW = Instant.parse("2026-06-10T09:30:00Z");
    static final ExchangeReader READER = new ExchangeReader();
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Map<String, Object> VALID = TestExchanges.valid(NOW.minusSeconds(60));

    static Reading<Exchange> read(Object json) {
        return READER.read(MAPPER.valueToTree(json));
    }

    @Test
    void readsAValidExchangeAndDerivesScopeAndTaskForce() {
        Reading<Exchange> reading = read(VALID);

        assertThat(reading.violations()).isEmpty();
        Exchange exchange = reading.value();
        assertThat(exchange.from()).isEqualTo(Party.RO);
        assertThat(exchange.scope()).isEqualTo(Scope.MEMBERS);
        assertThat(exchange.taskForce()).isEqualTo(TaskForce.DRUGS);
    }

    /** Also posted over HTTP by the ingest test: the same rules hold on the wire. */
    public static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of("id is required", without(VALID, "id"), "id"),
                Arguments.of("id is a UUID", with(VALID, "id", "42"), "id"),
                Arguments.of("occurredAt is required", without(VALID, "occurredAt"), "occurredAt"),
                Arguments.of("occurredAt is an instant", with(VALID, "occurredAt", "yesterday"), "occurredAt"),
                Arguments.of("from is required", without(VALID, "from"), "from"),
                Arguments.of("from is a party", with(VALID, "from", "XX"), "from"),
                Arguments.of("to is required", without(VALID, "to"), "to"),
                Arguments.of("to is a party", with(VALID, "to", "ro"), "to"),
                Arguments.of("from differs from to", with(VALID, "to", "RO"), "to"),
                Arguments.of("a member on one side", with(with(VALID, "from", "AT"), "to", "INTERPOL"), "from"),
                Arguments.of("agency is required", without(VALID, "agency"), "agency"),
                Arguments.of("agency is POLICE or CUSTOMS", with(VALID, "agency", "ARMY"), "agency"),
                Arguments.of("kind is required", without(VALID, "kind"), "kind"),
                Arguments.of("kind is REQUEST or INFORMATION", with(VALID, "kind", "GOSSIP"), "kind"),
                Arguments.of("channel is required", without(VALID, "channel"), "channel"),
                Arguments.of("channel is DAILY or OPERATION", with(VALID, "channel", "EMAIL"), "channel"),
                Arguments.of("crimeArea is required", without(VALID, "crimeArea"), "crimeArea"),
                Arguments.of("crimeArea is known", with(VALID, "crimeArea", "ARSON"), "crimeArea"),
                Arguments.of("OPERATION needs operationId", with(VALID, "channel", "OPERATION"), "operationId"),
                Arguments.of("DAILY has no operationId", with(VALID, "operationId", "TARA"), "operationId"),
                Arguments.of("operationId is a code", with(with(VALID, "channel", "OPERATION"), "operationId", "Tara 2008!"), "operationId"),
                Arguments.of("unknown fields are rejected", with(VALID, "suspectName", "John Doe"), "suspectName"),
                Arguments.of("a field has the wrong type", with(VALID, "from", 42), "from"),
                Arguments.of("an item is an object", List.of(1, 2), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void namesTheFieldOfEachBrokenRule(String rule, Object json, String field) {
        Reading<Exchange> reading = read(json);

        assertThat(reading.isValid()).isFalse();
        assertThat(reading.value()).isNull();
        assertThat(reading.violations()).extracting(Violation::field).containsExactly(field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void theLogsReaderJudgesAlikeButPassesOverFieldsItDoesNotKnow(String rule, Object json, String field) {
        Reading<Exchange> reading = ExchangeReader.forLog().read(MAPPER.valueToTree(json));

        if (rule.equals("unknown fields are rejected")) {
            assertThat(reading.isValid()).isTrue();
            assertThat(reading.value()).isEqualTo(read(VALID).value());
        } else {
            assertThat(reading.violations()).extracting(Violation::field).containsExactly(field);
        }
    }

    @Test
    void reportsEveryBrokenRuleOfAnItemAtOnce() {
        JsonNode node = MAPPER.valueToTree(with(with(without(VALID, "kind"), "agency", "ARMY"), "extra", true));

        assertThat(READER.read(node).violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("kind", "agency", "extra");
    }

    @Test
    void acceptsAnOperationExchangeAndAnObserverOnOneSide() {
        var operation = with(with(VALID, "channel", "OPERATION"), "operationId", "TARA");
        var withObserver = with(VALID, "to", "US");
        var withOrganisation = with(VALID, "from", "INTERPOL");

        assertThat(read(operation).isValid()).isTrue();
        assertThat(read(withObserver).value().scope()).isEqualTo(Scope.MEMBER_OBSERVER);
        assertThat(read(withOrganisation).value().scope()).isEqualTo(Scope.MEMBER_OBSERVER);
    }

    @Test
    void georgiaIsNotAMemberSoAnExchangeWithItIsMemberObserver() {
        assertThat(read(with(VALID, "to", "GE")).value().scope()).isEqualTo(Scope.MEMBER_OBSERVER);
    }
}
