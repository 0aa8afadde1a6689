package org.openvmi.consignment.model;

/**
 * When consigned goods become the buyer's. UNTIL_CONSUMED (default): the supplier owns them until they are consumed.
 * ON_RECEIPT: the buyer owns them from the receipt on. STAGED: the quantity above the line's safety quantity stays the
 * supplier's, the quantity below it is the buyer's (ownership passes whenever stock crosses the line).
 */
public enum OwnershipMode {
    UNTIL_CONSUMED,
    ON_RECEIPT,
    STAGED
}
