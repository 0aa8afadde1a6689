package org.openvmi.channels;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A channel order: its lines and the reservations (location, lot) that hold its stock while RESERVED.
 * {@code closeReason}: why it was closed when not by the channel's own commit or release (a reservation of it was
 * released or expired outside channels), else null.
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
        String closeReason) {

    public record Line(String item, BigDecimal qty) {}

    public record Hold(long reservation, String item, String location, String lot, BigDecimal qty) {}
}
