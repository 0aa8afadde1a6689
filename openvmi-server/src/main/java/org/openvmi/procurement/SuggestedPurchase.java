package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A purchase planning suggests: its id, the item, the warehouse, the suggested supplier, the quantity, when needed. */
public record SuggestedPurchase(
        long suggestion, String item, String warehouse, String supplier, BigDecimal qty, LocalDate neededBy) {}
