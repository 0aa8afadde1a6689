package org.openvmi.inventory.model;

import java.math.BigDecimal;

/** One line of a receipt against a transfer; owner may be null when the item and lot identify one line. */
public record TransferReceipt(String item, String owner, String lot, BigDecimal qty) {}
