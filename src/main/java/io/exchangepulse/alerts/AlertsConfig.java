package io.exchangepulse.alerts;

import io.exchangepulse.domain.Grain;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** When activity is unusual enough to flag (src/docs/api.md, "Alerts"). */
@ConfigMapping(prefix = "exchangepulse.alerts")
public interface AlertsConfig {

    /** How often each replica judges activity (ISO-8601, as the scheduler reads it); {@code off} never (the tests judge by hand). */
    String interval();

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

    /** How long ended alerts stay listed. */
    @WithDefault("P1D")
    Duration recent();

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
