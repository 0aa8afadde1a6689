package org.openvmi.inventory.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Available stock promised to an order or channel until it is released or expires. The quantity itself is held in the
 * balance's reserved column by a conditional update, so reserved never exceeds on hand.
 */
public final class Reservation {

    private final long id;
    private final BigDecimal qty;
    private final Instant expiresAt;
    private ReservationStatus status;

    public Reservation(long id, BigDecimal qty, Instant expiresAt, ReservationStatus status) {
        this.id = id;
        this.qty = qty;
        this.expiresAt = expiresAt;
        this.status = status;
    }

    /** The rule for a new reservation's expiry: none, or a moment still to come. */
    public static Optional<Refusal> expiry(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return Optional.of(Refusal.rule("expiresAt", "must be in the future (now " + now + ")"));
        }
        return Optional.empty();
    }

    /** The rule for where stock may be reserved: not in transit, where it belongs to transfers. */
    public static Optional<Refusal> location(String location, boolean inTransit) {
        if (inTransit) {
            return Optional.of(Refusal.rule(
                    "location", "'" + location + "' is an in-transit location: stock in transit cannot be reserved"));
        }
        return Optional.empty();
    }

    public Optional<Refusal> release() {
        if (status != ReservationStatus.ACTIVE) {
            return Optional.of(Refusal.conflict(null, "Reservation " + id + " is " + status + ": nothing to release"));
        }
        status = ReservationStatus.RELEASED;
        return Optional.empty();
    }

    public Optional<Refusal> expire(Instant now) {
        if (status != ReservationStatus.ACTIVE || expiresAt == null || expiresAt.isAfter(now)) {
            return Optional.of(Refusal.conflict(null, "Reservation " + id + " is not due to expire"));
        }
        status = ReservationStatus.EXPIRED;
        return Optional.empty();
    }

    public long id() {
        return id;
    }

    public BigDecimal qty() {
        return qty;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public ReservationStatus status() {
        return status;
    }
}
