package io.exchangepulse.counters;

import io.exchangepulse.domain.CenterCalendar;
import io.exchangepulse.domain.Grain;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How long each grain's rows are kept (configured, {@link CountersConfig}), and what follows from it: which
 * buckets are still kept at a moment, and the refusal of a question about buckets no longer kept. A grain must
 * be kept at least as long as the rows of it that some family keeps live: a misconfiguration stops the start
 * with one line (checked when the counter tables are prepared), rather than views that go quietly empty.
 */
@ApplicationScoped
public class CounterRetention {

    private final Map<Grain, Optional<Duration>> kept = new EnumMap<>(Grain.class);
    private final CenterCalendar calendar;

    public CounterRetention(CountersConfig config, CenterCalendar calendar) {
        this.calendar = calendar;
        kept.put(Grain.MINUTE, parse("EXCHANGEPULSE_COUNTERS_MINUTE_RETENTION", config.minuteRetention()));
        kept.put(Grain.HOUR, parse("EXCHANGEPULSE_COUNTERS_HOUR_RETENTION", config.hourRetention()));
        kept.put(Grain.DAY, parse("EXCHANGEPULSE_COUNTERS_DAY_RETENTION", config.dayRetention()));
        kept.put(Grain.YEAR, parse("EXCHANGEPULSE_COUNTERS_YEAR_RETENTION", config.yearRetention()));
        for (LiveRows live : CounterFamily.allLive()) {
            Optional<Duration> needed = needed(live.window());
            Optional<Duration> retention = kept.get(live.grain());
            if (retention.isPresent() && (needed.isEmpty() || retention.get().compareTo(needed.get()) < 0)) {
                throw new IllegalArgumentException(String.format("%s of %s is kept for %s, but the live rows %s need %s: "
                                + "set EXCHANGEPULSE_COUNTERS_%s_RETENTION to at least that", nameOf(live.grain()), live.family(),
                        describe(retention.get()), live, needed.map(CounterRetention::describe).orElse("for ever"), live.grain()));
            }
        }
    }

    /** How long the grain's rows are kept; empty: for ever. */
    public Optional<Duration> of(Grain grain) {
        return kept.get(grain);
    }

    /** The oldest bucket of the grain that is kept at {@code now}; empty: every bucket. */
    public Optional<Instant> oldestKept(Grain grain, Instant now) {
        return kept.get(grain).map(retention -> calendar.bucketOf(grain, now.minus(retention)));
    }

    /** Whether a bucket of the grain is still kept at {@code now}. */
    public boolean keeps(Grain grain, Instant bucket, Instant now) {
        return oldestKept(grain, now).map(oldest -> !bucket.isBefore(oldest)).orElse(true);
    }

    /** Why a question about the grain's buckets from {@code from} on cannot be answered at {@code now}, if it cannot. */
    public Optional<String> refusal(Grain grain, Instant from, Instant now) {
        return oldestKept(grain, now).filter(oldest -> from.isBefore(oldest)).map(oldest -> String.format(
                "%s are kept for %s (EXCHANGEPULSE_COUNTERS_%s_RETENTION): the oldest kept now is %s",
                nameOf(grain), describe(kept.get(grain).orElseThrow()), grain, oldest));
    }

    private static String describe(Duration duration) {
        if (duration.toSeconds() % 86_400 == 0) {
            return duration.toDays() + " days";
        }
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " minutes" : duration.toString();
    }

    private static String nameOf(Grain grain) {
        return grain.name().toLowerCase(Locale.ROOT) + "s";
    }

    /** How long the rows of a live window must be kept, at the least; empty: for ever. */
    private static Optional<Duration> needed(LiveWindow window) {
        return switch (window) {
            case ALL -> Optional.empty();
            case SINCE_LAST_YEAR -> Optional.of(Duration.ofDays(2 * 366));
            case TODAY -> Optional.of(Duration.ofDays(1));
            case LAST_MINUTES -> Optional.of(Duration.ofMinutes(Horizon.MAX_MINUTES + 1));
        };
    }

    private static Optional<Duration> parse(String variable, String value) {
        if (value.trim().equalsIgnoreCase("forever")) {
            return Optional.empty();
        }
        try {
            Duration retention = Duration.parse(value.trim());
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException(variable + " must be a positive duration or 'forever', not " + value);
            }
            return Optional.of(retention);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(variable + " must be an ISO-8601 duration (P35D) or 'forever', not " + value);
        }
    }
}
