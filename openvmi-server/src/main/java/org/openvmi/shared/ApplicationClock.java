package org.openvmi.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The application's clock: real time, except on a thread that pins it with {@link #at(Instant, Supplier)}. The demo
 * seeder replays a year of a plant through the features' own use cases and stamps every document and movement with
 * the day it happened (ADR 0032); the pin is per thread, so requests and jobs running meanwhile keep real time.
 */
public final class ApplicationClock extends Clock {

    private static final ThreadLocal<Instant> PINNED = new ThreadLocal<>();

    private final Clock base;

    public ApplicationClock(Clock base) {
        this.base = base;
    }

    /** Runs {@code work} with this thread's clock reading {@code instant}, then restores what was there before. */
    public static <T> T at(Instant instant, Supplier<T> work) {
        Instant before = PINNED.get();
        PINNED.set(instant);
        try {
            return work.get();
        } finally {
            if (before == null) {
                PINNED.remove();
            } else {
                PINNED.set(before);
            }
        }
    }

    public static void at(Instant instant, Runnable work) {
        at(instant, () -> {
            work.run();
            return null;
        });
    }

    @Override
    public Instant instant() {
        Instant pinned = PINNED.get();
        return pinned != null ? pinned : base.instant();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ApplicationClock(base.withZone(zone));
    }
}
