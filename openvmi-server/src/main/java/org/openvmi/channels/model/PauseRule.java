package org.openvmi.channels.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * When a channel stops selling an item and when it starts again: paused while the free stock of its pool is below
 * its {@code pauseBelow} line, resumed once the free stock is at or above the line again. A channel without a line
 * (the top-priority channel, as a rule) is never paused.
 */
public final class PauseRule {

    private PauseRule() {}

    /** The move to make (PAUSED or ACTIVE), or empty when the channel stays as it is. */
    public static Optional<ChannelStatus> judge(BigDecimal pauseBelow, boolean paused, BigDecimal poolFree) {
        if (pauseBelow == null) {
            return paused ? Optional.of(ChannelStatus.ACTIVE) : Optional.empty();
        }
        boolean below = poolFree.compareTo(pauseBelow) < 0;
        if (below && !paused) {
            return Optional.of(ChannelStatus.PAUSED);
        }
        if (!below && paused) {
            return Optional.of(ChannelStatus.ACTIVE);
        }
        return Optional.empty();
    }
}
