package org.openvmi.inventory;

/**
 * Published inside the transaction that ended a reservation: released (by whoever: the reservations API or page, or a
 * module holding it) or expired. {@code status} RELEASED or EXPIRED; {@code by} the user, or "system" for an expiry.
 * Listeners run in that transaction, so what they note about the reservation commits or rolls back with it.
 */
public record ReservationEnded(long reservationId, String status, String by) {}
