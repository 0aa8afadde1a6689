package org.openvmi.supplier.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How old a supplier's figure is, by the time it was true (as-of), and whether that is older than the limit: a stale
 * figure is still shown, flagged, because an old number is better than none when demand jumps.
 */
public record Freshness(long ageHours, boolean stale) {

    public static Freshness of(Instant asOf, Instant now, Duration staleAfter) {
        Duration age = Duration.between(asOf, now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        return new Freshness(age.toHours(), age.compareTo(staleAfter) > 0);
    }
}
