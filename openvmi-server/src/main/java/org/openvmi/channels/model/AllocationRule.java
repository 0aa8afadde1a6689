package org.openvmi.channels.model;

import java.math.BigDecimal;
import java.util.Set;

/**
 * How one channel shares the stock of its pool (warehouse ids). {@code percentage} (0–100 of the pool) or
 * {@code fixedQuota} (units) make it a ring-fenced channel: it gets up to that much, held for it, and never more;
 * with neither it is an open channel that takes what no ring-fence holds, in priority order (1 first).
 * {@code safetyBuffer}: the channel sells only the pool's free stock above it. {@code pauseBelow}: the channel is
 * paused for an item while the pool's free stock of it is below this line.
 */
public record AllocationRule(
        long channelId,
        String code,
        int priority,
        Set<Long> pool,
        BigDecimal percentage,
        BigDecimal fixedQuota,
        BigDecimal safetyBuffer,
        BigDecimal pauseBelow) {

    public boolean ringFenced() {
        return percentage != null || fixedQuota != null;
    }

    public BigDecimal buffer() {
        return safetyBuffer == null ? BigDecimal.ZERO : safetyBuffer;
    }
}
