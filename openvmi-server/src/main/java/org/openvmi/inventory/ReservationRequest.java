package org.openvmi.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code POST /reservations}: reserve available stock of one stock key for an order or channel ({@code reference});
 * {@code expiresAt} (ISO-8601, optional) releases it by itself when it passes.
 */
public record ReservationRequest(String item, String location, String owner, String lot, BigDecimal qty,
                                 String reference, Instant expiresAt) {
}
