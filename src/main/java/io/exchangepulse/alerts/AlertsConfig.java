package io.exchangepulse.alerts;

import io.exchangepulse.domain.Grain;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** When activity is unusual enough to flag (src/docs/api.md, "Alerts"). */
@ConfigMapping(prefix = "exchangepulse.alerts")
public interface AlertsConfig {

    /**
     * How often activity is judged: once a round of this length, the rounds counted from the epoch so that every
     * replica names the same ones, by whichever replica claims it first.
     */
    Duration interval();

    /**
     * How often each replica looks whether a new round has begun (as the scheduler reads it): a replica claims the
     * round, or learns its judgement, within this of its start; {@code off} never (the component tests judge by hand).
     */
    String watch();

    /**
     * How long the replica judging a round may leave its transaction idle before PostgreSQL ends it, and with it the
     * claim, so that another replica judges the round instead.
     */
    @WithDefault("PT15S")
    Duration judgementLimit();

    /** How far from the expected count, in spreads, activity must go to be flagged. */
    @WithDefault("3.0")
    double sigmas();

    /** The same per task force (by its code), where one is noisier or quieter than the rest. */
    Map<String, Double> taskForceSigmas();

    /** A surge needs at least this many exchanges in its window: a handful is never an alarm. */
    @WithDefault("10")
    long minimumSurge();

    /** A lull is flagged only where at least this many exchanges were expected: silence at night is normal. */
    @WithDefault("5")
    double minimumExpected();

    /** Past windows needed before a subject is judged at all. */
    @WithDefault("6")
    int minimumHistory();

    /** How long ended alerts stay listed (at most their {@link #history()}). */
    @WithDefault("P1D")
    Duration recent();

    /** Ended alerts listed at most, the latest end first, however many a noisy day makes. */
    @WithDefault("500")
    int recentLimit();

    /** How long each round's judgement and what it found are kept, and ended alerts after their end. */
    @WithDefault("P7D")
    Duration history();

    /** The windows activity is judged over, by name (hour, day). */
    Map<String, Window> windows();

    /**
     * A window: the last {@code length} of activity, summed from {@code observeGrain} counters, against the
     * same length's counts in the {@code lookback} before, from {@code baselineGrain} counters
     * (whose buckets are {@code length} long), the recent ones weighing most.
     */
    interface Window {
        Duration length();

        Grain observeGrain();

        Grain baselineGrain();

        Duration lookback();

        /** The weight of a past window halves every this many windows. */
        @WithDefault("24")
        double halfLife();
    }

    default double sigmasFor(String taskForce) {
        return taskForceSigmas().getOrDefault(taskForce, sigmas());
    }
}
