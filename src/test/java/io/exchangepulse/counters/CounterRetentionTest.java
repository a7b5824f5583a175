package io.exchangepulse.counters;

import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How long each grain is kept: parsed from the configuration, checked against the live rows, told in refusals. */
class CounterRetentionTest {

    static final Instant NOW = Instant.parse("2026-12-03T15:42:10Z");

    static CounterRetention retention(String minutes, String hours, String days, String years) {
        return new CounterRetention(new CountersConfig() {
            public String minuteRetention() {
                return minutes;
            }

            public String hourRetention() {
                return hours;
            }

            public String dayRetention() {
                return days;
            }

            public String yearRetention() {
                return years;
            }

            public Duration maintenanceInterval() {
                return Duration.ofHours(1);
            }
        }, CenterCalendar.UTC);
    }

    @Test
    void theDefaultsKeepMinutes35DaysHours400DaysAndTheRestForEver() {
        CounterRetention retention = retention("P35D", "P400D", "forever", "FOREVER");

        assertThat(retention.of(Grain.MINUTE)).contains(Duration.ofDays(35));
        assertThat(retention.of(Grain.DAY)).isEmpty();
        assertThat(retention.oldestKept(Grain.MINUTE, NOW)).contains(Instant.parse("2026-10-29T15:42:00Z"));
        assertThat(retention.keeps(Grain.MINUTE, Instant.parse("2026-10-29T15:41:00Z"), NOW)).isFalse();
        assertThat(retention.keeps(Grain.YEAR, Instant.parse("2006-01-01T00:00:00Z"), NOW)).isTrue();
        assertThat(retention.refusal(Grain.HOUR, Instant.parse("2025-01-01T00:00:00Z"), NOW)).isEqualTo(Optional.of(
                "hours are kept for 400 days (EXCHANGEPULSE_COUNTERS_HOUR_RETENTION): the oldest kept now is 2025-10-29T15:00:00Z"));
        assertThat(retention.refusal(Grain.DAY, Instant.parse("1990-01-01T00:00:00Z"), NOW)).isEmpty();
    }

    @Test
    void aRetentionShorterThanTheLiveRowsNeedIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> retention("PT2H", "P400D", "forever", "forever"))
                .hasMessageContaining("minutes of TASK_FORCE is kept for 120 minutes, but the live rows TASK_FORCE/MINUTE/LAST_MINUTES need 181 minutes")
                .hasMessageContaining("EXCHANGEPULSE_COUNTERS_MINUTE_RETENTION");
        assertThatThrownBy(() -> retention("P35D", "P400D", "P365D", "forever"))
                .hasMessageContaining("EXCHANGEPULSE_COUNTERS_DAY_RETENTION");
        assertThatThrownBy(() -> retention("P35D", "P400D", "forever", "P3650D"))
                .hasMessageContaining("need for ever");
    }

    @Test
    void aValueThatIsNoDurationIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> retention("35 days", "P400D", "forever", "forever"))
                .hasMessage("EXCHANGEPULSE_COUNTERS_MINUTE_RETENTION must be an ISO-8601 duration (P35D) or 'forever', not 35 days");
        assertThatThrownBy(() -> retention("P35D", "-P1D", "forever", "forever"))
                .hasMessageContaining("EXCHANGEPULSE_COUNTERS_HOUR_RETENTION must be a positive duration");
    }
}
