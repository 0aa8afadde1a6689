package org.openvmi.channels.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * A channel (and, per item, its selling state): ACTIVE sells; PAUSED stops selling an item while its pool runs low
 * and returns to ACTIVE when stock is back; INACTIVE is switched off by a person and sells nothing.
 */
public enum ChannelStatus {
    ACTIVE,
    PAUSED,
    INACTIVE;

    public Set<ChannelStatus> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(PAUSED, INACTIVE);
            case PAUSED -> EnumSet.of(ACTIVE, INACTIVE);
            case INACTIVE -> EnumSet.of(ACTIVE);
        };
    }

    public boolean canMoveTo(ChannelStatus to) {
        return next().contains(to);
    }
}
