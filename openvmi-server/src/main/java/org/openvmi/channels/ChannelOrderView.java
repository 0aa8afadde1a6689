package org.openvmi.channels;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.openvmi.channels.model.ChannelOrderStatus;

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

    /** A new order as placed: RESERVED, not closed. */
    public static ChannelOrderView reserved(
            String channel, String orderId, List<Line> lines, List<Hold> holds, String createdBy, Instant createdAt) {
        return new ChannelOrderView(
                channel,
                orderId,
                ChannelOrderStatus.RESERVED.name(),
                lines,
                holds,
                createdBy,
                createdAt,
                null,
                null,
                null,
                null,
                null);
    }

    public record Line(String item, BigDecimal qty) {}

    public record Hold(long reservation, String item, String location, String lot, BigDecimal qty) {}
}
