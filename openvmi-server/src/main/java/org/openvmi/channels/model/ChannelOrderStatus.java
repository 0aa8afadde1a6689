package org.openvmi.channels.model;

import java.util.EnumSet;
import java.util.Set;
import org.openvmi.shared.DocumentStatus;

/** A channel order: RESERVED holds stock; COMMITTED issued it through the ledger; RELEASED gave it back. */
public enum ChannelOrderStatus implements DocumentStatus<ChannelOrderStatus> {
    RESERVED,
    COMMITTED,
    RELEASED;

    @Override
    public Set<ChannelOrderStatus> next() {
        return this == RESERVED ? EnumSet.of(COMMITTED, RELEASED) : EnumSet.noneOf(ChannelOrderStatus.class);
    }

    @Override
    public String document() {
        return "ChannelOrder";
    }
}
