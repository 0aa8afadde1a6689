package org.openvmi.inventory.model;

/** A count sheet is OPEN while counted quantities are entered, POSTED once its variances are in the ledger. */
public enum CountStatus {
    OPEN, POSTED
}
