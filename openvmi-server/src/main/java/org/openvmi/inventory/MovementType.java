package org.openvmi.inventory;

/**
 * Kinds of movement. Quantities in requests are positive; the type gives the direction. ADJUST and COUNT carry a signed
 * variance. Which types a caller may post follows from its entry point: people and integrations
 * ({@link InventoryLedger#post}: REST, scan page) only those {@link #postedDirectly()}; transfers, counts, ownership
 * transfers and opening balances come from their own use cases through {@link InventoryLedger#record} so that their
 * documents stay consistent.
 */
public enum MovementType {
    RECEIPT(1, true),
    ISSUE(-1, true),
    CONSUME(-1, true),
    RETURN(1, true),
    ADJUST(0, true),
    TRANSFER_OUT(-1, false),
    TRANSFER_IN(1, false),
    COUNT(0, false),
    OWNERSHIP_TRANSFER(0, false),
    /** The stock found at go-live (imported opening balances), with its unit cost; posted by the opening-stock import. */
    OPENING(1, false);

    private final int direction;
    private final boolean postedDirectly;

    MovementType(int direction, boolean postedDirectly) {
        this.direction = direction;
        this.postedDirectly = postedDirectly;
    }

    /** +1 adds stock, -1 removes it, 0 means the quantity is signed (a variance). */
    public int direction() {
        return direction;
    }

    public boolean postedDirectly() {
        return postedDirectly;
    }
}
