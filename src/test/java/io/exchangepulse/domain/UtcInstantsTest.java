package io.exchangepulse.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast reading gives what Instant.parse gives, and refuses what it refuses. */
class UtcInstantsTest {

    @Test
    void agreesWithInstantParseOnRandomInstantsOfEveryPrecision() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 7_000_000_000L), random.nextInt(1_000_000_000));
            String text = instant.toString();
            String truncated = i % 3 == 0 ? text.substring(0, 19) + "Z"
                    : i % 3 == 1 ? text.substring(0, Math.min(text.length() - 1, 20 + random.nextInt(9))) + "Z" : text;
            assertThat(UtcInstants.parse(truncated)).as(truncated).isEqualTo(Instant.parse(truncated));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59Z", "2026-11-28T09:21:00.5Z", "2026-11-28T09:21:00.123456789Z",
            "1970-01-01T00:00:00Z", "2026-12-31T23:59:60Z", "2026-11-28T09:21:00+01:00", "+12026-11-28T09:21:00Z",
            "2026-11-28T24:00:00Z"})
    void agreesOnTheEdgesAndHandsOtherFormsToInstantParse(String text) {
        assertThat(UtcInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-28T25:00:00Z", "2026-11-28T09:61:00Z",
            "2026-11-28T09:21Z", "2026-11-28T09:21:00.1234567890Z", "2026-11-2xT09:21:00Z",
            "2026-11-28 09:21:00Z", "yesterday"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> UtcInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
