package org.openvmi.inventory.model;

/** ACTIVE holds stock; RELEASED (by a user) and EXPIRED (by the expiry job) gave it back. */
public enum ReservationStatus {
    ACTIVE,
    RELEASED,
    EXPIRED
}
