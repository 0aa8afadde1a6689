package org.openvmi.channels;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A channel order: its lines and the reservations (location, lot) that hold its stock while RESERVED.
 * {@code closeReason}: why it was closed when not by the channel's own commit or release (a reservation of it was
 * released or expired outside channels), else null, in English; {@code closeReasonCode} is its code, what pages show it
 * by ({@code reservationExpired}, {@code reservationReleased}: reservation {@code closeReservation} released by
 * {@code closedBy}) (ADR 0084).
 */
public record ChannelOrderView(
        String channel,
        String orderId,
        String status,
        List<Line> lines,
        List<Hold> holds,
        String createdBy,
        Instant createdAt,
        String closedBy,
        Instant closedAt,
        String closeReason,
        String closeReasonCode,
        Long closeReservation) {

    /** An order not closed outside channels (no close reason). */
    public ChannelOrderView(
            String channel,
            String orderId,
            String status,
            List<Line> lines,
            List<Hold> holds,
            String createdBy,
            Instant createdAt,
            String closedBy,
            Instant closedAt,
            String closeReason) {
        this(channel, orderId, status, lines, holds, createdBy, createdAt, closedBy, closedAt, closeReason, null, null);
    }

    public record Line(String item, BigDecimal qty) {}

    public record Hold(long reservation, String item, String location, String lot, BigDecimal qty) {}
}
