package org.openvmi.inventory;

/** {@code POST /transfers/{id}/close}: an optional reason, kept on the transfer and on the difference movements. */
public record TransferCloseRequest(String reason) {
}
