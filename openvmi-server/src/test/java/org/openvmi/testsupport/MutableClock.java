package org.openvmi.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with a base clock (real time by default) until a test moves it: {@link #advance(Duration)} jumps
 * ahead (lock expiry, reservation expiry, SLAs, settlement periods) without sleeping; {@link #reset()} goes back.
 */
public class MutableClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final Clock base;

    public MutableClock() {
        this(Clock.systemDefaultZone());
    }

    public MutableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private MutableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(base.withZone(zone), offset);
    }
}
