package org.openvmi.inventory;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.openvmi.shared.MaxChars;

/**
 * {@code POST /reservations}: reserve available stock of one stock key for an order or channel ({@code reference});
 * {@code expiresAt} (ISO-8601, optional) releases it by itself when it passes; {@code dueOn} (optional, today or
 * later) is the day the stock is needed: the availability timeline places the reservation on that day instead of
 * the day it was made.
 */
public record ReservationRequest(
        String item,
        String location,
        @MaxChars(64) String owner,
        @MaxChars(64) String lot,
        @Digits(integer = 15, fraction = 4) BigDecimal qty,
        @MaxChars(100) String reference,
        Instant expiresAt,
        LocalDate dueOn) {}
