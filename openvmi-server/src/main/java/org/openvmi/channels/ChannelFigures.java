package org.openvmi.channels;

import java.math.BigDecimal;

/**
 * One channel's figures for one item, what the rules engine reads: {@code available} the free stock of the channel's
 * pool, {@code allocated} what the channel may sell now (its ATP, 0 while paused), whether it is {@code paused} and
 * whether that pause is {@code held} (a rule's or a person's, which the automatic line leaves alone).
 */
public record ChannelFigures(
        String channel, long itemId, BigDecimal available, BigDecimal allocated, boolean paused, boolean held) {}
