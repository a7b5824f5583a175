package io.exchangepulse.alerts;

import java.util.Optional;

/**
 * What a subject's count is expected to be in a window, and how far it may stray: an exponentially
 * weighted mean and spread of its past windows, the recent ones weighing most. Counts of events are never
 * steadier than chance: the spread is at least the square root of the mean (a Poisson count's), and 1.
 */
public record Band(double expected, double spread, double low, double high) {

    /** The band of {@code history} (oldest first), {@code sigmas} spreads wide; none while the history is shorter than {@code minimum}. */
    public static Optional<Band> of(long[] history, double halfLife, double sigmas, int minimum) {
        if (history.length < minimum) {
            return Optional.empty();
        }
        double weights = 0;
        double sum = 0;
        for (int i = 0; i < history.length; i++) {
            double weight = Math.pow(0.5, (history.length - 1 - i) / halfLife);
            weights += weight;
            sum += weight * history[i];
        }
        double mean = sum / weights;
        double squares = 0;
        for (int i = 0; i < history.length; i++) {
            double weight = Math.pow(0.5, (history.length - 1 - i) / halfLife);
            squares += weight * (history[i] - mean) * (history[i] - mean);
        }
        double spread = Math.max(Math.max(Math.sqrt(squares / weights), Math.sqrt(mean)), 1);
        return Optional.of(new Band(mean, spread, Math.max(0, mean - sigmas * spread), mean + sigmas * spread));
    }

    /** How many spreads {@code observed} is from the expected count (positive above). */
    public double sigmasOff(long observed) {
        return (observed - expected) / spread;
    }
}
