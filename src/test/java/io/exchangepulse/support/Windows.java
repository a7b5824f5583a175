package io.exchangepulse.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every test counts in an hour of its own, so that tests sharing the database never see each other's counts:
 * the hours before the current one, one per test, going back. They must be recent (the service counts an
 * exchange at most a week late) and of this year (a closed year takes none): the suite's clock
 * ({@link SuiteClock}) starts in June, so they are; tests that post at the present time count in the current
 * hour, which no window is.
 */
public final class Windows {

    private static final Instant LAST = SuiteClock.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    /**
     * Test classes may be loaded by more than one class loader (Quarkus loads its own), each with its own
     * statics: the count lives in the JVM's system properties, which they all share.
     */
    private static final AtomicInteger NEXT = (AtomicInteger) System.getProperties()
            .computeIfAbsent("exchangepulse.test.windows", name -> new AtomicInteger());

    private Windows() {
    }

    /** The start of an hour no other test comes near. */
    public static Instant fresh() {
        return LAST.minus(Duration.ofHours(NEXT.getAndIncrement()));
    }
}
