package org.openvmi.channels;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a channel order as analytics reads it (ADR 0058): the order's state — RESERVED (open), COMMITTED
 * (shipped), RELEASED (given back) or REFUSED (not placed: the channel could not sell it) — and when it was asked for.
 */
public record ChannelOrderOutcome(
        String channel, String orderId, String item, BigDecimal qty, Outcome outcome, Instant orderedAt) {

    public enum Outcome {
        RESERVED,
        COMMITTED,
        RELEASED,
        REFUSED
    }
}
