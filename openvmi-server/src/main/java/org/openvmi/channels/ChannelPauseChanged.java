package org.openvmi.channels;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A channel was paused for an item (status PAUSED: its pool's free stock fell below the channel's line) or resumed
 * (ACTIVE: back at or above it), or a person changed the whole channel (INACTIVE, or ACTIVE again: {@code item} and
 * {@code poolFree} null). Published in the transaction that noticed it; the webhook leaves after commit.
 */
public record ChannelPauseChanged(
        String channel, String item, String status, BigDecimal poolFree, BigDecimal threshold, Instant at) {}
