package org.openvmi.inventory.model;

import java.util.EnumSet;
import java.util.Set;
import org.openvmi.shared.DocumentStatus;

/**
 * A count sheet is OPEN while counted quantities are entered (it stays OPEN), POSTED once its variances are in the
 * ledger; POSTED is final.
 */
@org.springframework.modulith.NamedInterface("status")
public enum CountStatus implements DocumentStatus<CountStatus> {
    OPEN,
    POSTED;

    @Override
    public Set<CountStatus> next() {
        return this == OPEN ? EnumSet.of(OPEN, POSTED) : EnumSet.noneOf(CountStatus.class);
    }

    @Override
    public String document() {
        return "Count";
    }
}
