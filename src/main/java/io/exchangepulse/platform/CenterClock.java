package io.exchangepulse.platform;

import io.exchangepulse.domain.CenterCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The center's time: what counting, the live views, the alerts and the queries call "now", in the center's
 * zone ({@link #getZone()}, so {@code LocalDate.now(clock)} is the center's date). It is the system's clock,
 * or set ahead or behind it by {@link CenterConfig#clockOffset()} (a rehearsal; the tests).
 *
 * <p>Kafka keeps its records' timestamps in the system's time whatever the offset (the broker bounds them
 * by its own clock and keeps records by it): the log's edges convert ({@link #toLog}, {@link #fromLog}).
 * So do the log's own progress (how far counting has read, the ids it remembers, by the day they arrived), and
 * sign-ins, sessions and rate limits: they are not the center's calendar and keep the system clock ({@link Clock}).
 */
@ApplicationScoped
@Typed(CenterClock.class)
public class CenterClock extends Clock {

    private final CenterCalendar calendar;
    private volatile Duration offset;

    @Inject
    Event<Moved> moved;

    /** The clock was set: what the service holds for "now" (the live views' copy) is read again. */
    public record Moved(Instant to) {
    }

    @Inject
    public CenterClock(CenterCalendar calendar, CenterConfig config) {
        this(calendar, config.clockOffset());
    }

    /** {@code offset} ahead of the system's clock (behind, if negative). */
    public CenterClock(CenterCalendar calendar, Duration offset) {
        this.calendar = calendar;
        this.offset = offset;
    }

    public CenterCalendar calendar() {
        return calendar;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offset.toMillis();
    }

    @Override
    public ZoneId getZone() {
        return calendar.zone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    /** A record's timestamp for an instant of the center's time. */
    public long toLog(Instant instant) {
        return instant.minus(offset).toEpochMilli();
    }

    /** The center's time of a record's timestamp. */
    public Instant fromLog(long timestamp) {
        return Instant.ofEpochMilli(timestamp).plus(offset);
    }

    /**
     * Sets the clock to {@code now}, from where it runs on at the system's pace: a rehearsal moves to the minute
     * before midnight, and a test crosses midnight without waiting for it. Records already in the log are read
     * at the new offset.
     */
    public void setTo(Instant now) {
        offset = Duration.between(Instant.now(), now);
        moved.fire(new Moved(now));
    }
}
