package org.openvmi.stockpolicy;

import java.util.List;

/** What a bulk acknowledgement did: the alerts it acknowledged, and those it left as they were (not OPEN). */
public record BulkAcknowledgement(List<Long> acknowledged, List<Long> skipped) {

    public BulkAcknowledgement {
        acknowledged = List.copyOf(acknowledged);
        skipped = List.copyOf(skipped);
    }
}
