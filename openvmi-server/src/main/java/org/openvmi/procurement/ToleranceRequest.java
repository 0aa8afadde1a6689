package org.openvmi.procurement;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

/**
 * {@code PUT /procurement/tolerances/{supplier}}: tolerances in percent for one item of the supplier, or for all its
 * items when {@code item} is empty: over- and under-delivery on receipts, price and quantity on invoices. They apply
 * to POs made afterwards (receipt) and to invoices entered afterwards (match).
 */
public record ToleranceRequest(
        String item,
        @Digits(integer = 5, fraction = 4) BigDecimal overPct,
        @Digits(integer = 5, fraction = 4) BigDecimal underPct,
        @Digits(integer = 5, fraction = 4) BigDecimal pricePct,
        @Digits(integer = 5, fraction = 4) BigDecimal qtyPct) {}
