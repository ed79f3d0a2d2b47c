package io.colmena.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock tests control, to replace a service's {@link Clock} bean. By default it follows the
 * system clock shifted by an offset ({@link #advance}, {@link #shift}); {@link #set} freezes it at an
 * instant, from which {@link #advance} moves it.
 *
 * <p>Events carry the clock's time as {@code ce_time}; Kafka records themselves are stamped with the
 * send time, so a moved clock does not keep events in the outbox.
 */
public final class MutableClock extends Clock {

    private volatile Instant frozenAt;
    private volatile Duration offset = Duration.ZERO;

    /** A clock following the system time. */
    public MutableClock() {}

    /** A clock frozen at {@code instant}. */
    public static MutableClock frozenAt(Instant instant) {
        MutableClock clock = new MutableClock();
        clock.set(instant);
        return clock;
    }

    /** Freezes the clock at {@code instant}. */
    public synchronized void set(Instant instant) {
        frozenAt = instant;
    }

    /** Moves the clock by {@code amount} (negative goes back). */
    public synchronized void advance(Duration amount) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(amount);
        } else {
            offset = offset.plus(amount);
        }
    }

    /** Follows the system time shifted by {@code amount}. */
    public synchronized void shift(Duration amount) {
        frozenAt = null;
        offset = amount;
    }

    /** Back to the system time. */
    public synchronized void reset() {
        frozenAt = null;
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now().plus(offset);
    }
}
