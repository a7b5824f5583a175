package io.exchangepulse.simulate;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives seed-shaped traffic into a sink: either at the center's own pace sped up ({@code speedup}
 * simulated seconds per real second, shaped by the {@link Rhythm}), or at a fixed rate for load tests.
 * Prints its progress every few seconds.
 */
public final class Simulator {

    /** What to send, how fast, for how long. A {@code rate} above 0 overrides the seed's pace. */
    public record Plan(long seed, Instant start, double perYear, double speedup, double rate, Duration duration,
                       int batchSize, int inFlight) {
    }

    /** What a run did. */
    public record Result(long sent, long accepted, long errors, Duration elapsed) {

        public double acceptedPerSecond() {
            return accepted / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    private static final Duration PROGRESS = Duration.ofSeconds(3);
    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    private final Plan plan;
    private final TrafficSink sink;
    private final PrintStream out;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    Simulator(Plan plan, TrafficSink sink, PrintStream out) {
        this.plan = plan;
        this.sink = sink;
        this.out = out;
    }

    public Result run() throws InterruptedException {
        SeedShapedTraffic traffic = new SeedShapedTraffic(plan.seed(), plan.start());
        Semaphore slots = new Semaphore(plan.inFlight());
        long began = System.nanoTime();
        long end = began + plan.duration().toNanos();
        long nextReport = began + PROGRESS.toNanos();
        double due = 0;
        long sent = 0;
        long last = began;
        List<Map<String, Object>> batch = new ArrayList<>(plan.batchSize());
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            Instant simulated = plan.start().plusNanos((long) ((now - began) * (plan.rate() > 0 ? 1 : plan.speedup())));
            double perSecond = plan.rate() > 0 ? plan.rate() : plan.perYear() / SECONDS_PER_YEAR * plan.speedup() * Rhythm.at(simulated);
            due += perSecond * (now - last) / 1e9;
            last = now;
            while (due >= 1) {
                due--;
                batch.add(traffic.next(simulated));
                sent++;
                if (batch.size() == plan.batchSize()) {
                    send(batch, slots);
                    batch = new ArrayList<>(plan.batchSize());
                }
            }
            if (now >= nextReport) {
                report(sent, now - began, simulated, traffic.burstAt(simulated));
                nextReport += PROGRESS.toNanos();
            }
            if (due < 1 && batch.isEmpty()) {
                Thread.sleep(1);
            } else if (!batch.isEmpty() && due < 1) {
                send(batch, slots);
                batch = new ArrayList<>(plan.batchSize());
            }
        }
        if (!batch.isEmpty()) {
            send(batch, slots);
        }
        slots.acquire(plan.inFlight());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        report(sent, elapsed.toNanos(), null, null);
        return new Result(sent, accepted.get(), errors.get(), elapsed);
    }

    private void send(List<Map<String, Object>> batch, Semaphore slots) throws InterruptedException {
        slots.acquire();
        sink.send(batch).whenComplete((count, failure) -> {
            if (failure == null) {
                accepted.addAndGet(count);
                errors.addAndGet(batch.size() - count);
            } else {
                errors.addAndGet(batch.size());
                if (errors.get() == batch.size()) {
                    out.println("first error: " + failure.getMessage());
                }
            }
            slots.release();
        });
    }

    private void report(long sent, long nanos, Instant simulated, String burst) {
        double seconds = nanos / 1e9;
        out.printf("%6.1f s | sent %,d | accepted %,d | %,.0f/s | errors %,d%s%n", seconds, sent, accepted.get(),
                accepted.get() / Math.max(seconds, 0.001), errors.get(),
                simulated == null ? " | done" : " | simulated " + simulated.toString().substring(0, 16)
                        + (burst == null ? "" : " (operation " + burst + " in action)"));
    }
}
