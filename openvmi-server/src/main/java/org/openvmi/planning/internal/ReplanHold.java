package org.openvmi.planning.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Keeps the re-planner from starting runs while a bulk job posts (the demo seeder replaying a year): every posting of
 * that job would otherwise be re-planned 30 s after the first one, in runs that compete with the job for the one
 * writer of the embedded database and refuse the job's own planning run with 409. The changed pairs are still noted
 * and re-planned one window after the hold ends.
 */
@Component
public class ReplanHold {

    private final AtomicInteger holders = new AtomicInteger();
    private volatile Runnable onRelease = () -> {};

    public <T> T during(Supplier<T> work) {
        holders.incrementAndGet();
        try {
            return work.get();
        } finally {
            if (holders.decrementAndGet() == 0) {
                onRelease.run();
            }
        }
    }

    boolean held() {
        return holders.get() > 0;
    }

    void onRelease(Runnable action) {
        this.onRelease = action;
    }
}
