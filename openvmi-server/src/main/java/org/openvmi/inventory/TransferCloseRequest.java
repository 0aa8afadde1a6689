package org.openvmi.inventory;

import org.openvmi.shared.MaxChars;

/** {@code POST /transfers/{id}/close}: an optional reason, kept on the transfer and on the difference movements. */
public record TransferCloseRequest(@MaxChars(200) String reason) {}
