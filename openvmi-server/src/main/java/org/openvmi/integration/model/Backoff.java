package org.openvmi.integration.model;

import java.time.Duration;

/** Exponential backoff: after the n-th failed attempt wait base × 2^(n-1), at most a day. */
public record Backoff(Duration base, int maxAttempts) {

    private static final Duration CAP = Duration.ofDays(1);

    /** The wait after {@code failedAttempts} failures (≥ 1). */
    public Duration after(int failedAttempts) {
        int shift = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration d = base.multipliedBy(1L << shift);
        return d.compareTo(CAP) > 0 ? CAP : d;
    }

    /** Whether a delivery that has failed this often is given up. */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
