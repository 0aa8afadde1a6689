package org.openvmi.consignment;

/**
 * A settlement statement was issued to its supplier, confirmed or disputed by it (or closed). Published in the
 * changing transaction with the statement as it is after the change.
 */
public record StatementStatusChanged(StatementView statement) {}
