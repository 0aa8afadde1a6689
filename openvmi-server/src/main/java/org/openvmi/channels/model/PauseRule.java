package org.openvmi.channels.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * When a channel stops selling an item and when it starts again: paused while the free stock of its pool is below
 * its {@code pauseBelow} line, resumed once the free stock is at or above the line again. A channel without a line
 * (the top-priority channel, as a rule) is never paused. A held pause (set by a rule or a person, {@link
 * PauseReason#held()}) is not the line's to lift: it stays until a rule or a person resumes it.
 */
public final class PauseRule {

    private PauseRule() {}

    /** The move to make (PAUSED or ACTIVE), or empty when the channel stays as it is. */
    public static Optional<ChannelStatus> judge(BigDecimal pauseBelow, boolean paused, BigDecimal poolFree) {
        return judge(pauseBelow, paused, false, poolFree);
    }

    /** The same for a pause that may be held ({@code held}: paused by a rule or a person; nothing to do). */
    public static Optional<ChannelStatus> judge(
            BigDecimal pauseBelow, boolean paused, boolean held, BigDecimal poolFree) {
        if (paused && held) {
            return Optional.empty();
        }
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

    /**
     * The same for a channel that may not deal in the item at all ({@code concerned}: its pool holds the item, or the
     * item's stock moved in the pool, or the channel sold or reserved it). A channel is never paused by its line for an
     * item it does not deal in (its pool's free stock 0 is below every line, yet there is nothing to stop selling);
     * a pause it has is judged as always, so a receipt still resumes it.
     */
    public static Optional<ChannelStatus> judge(
            BigDecimal pauseBelow, boolean paused, boolean held, BigDecimal poolFree, boolean concerned) {
        Optional<ChannelStatus> move = judge(pauseBelow, paused, held, poolFree);
        if (move.isPresent() && move.get() == ChannelStatus.PAUSED && !concerned) {
            return Optional.empty();
        }
        return move;
    }
}
