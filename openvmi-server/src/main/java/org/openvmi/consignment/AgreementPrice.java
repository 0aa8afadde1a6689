package org.openvmi.consignment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The price one version of a VMI agreement sets for an item at a warehouse, from the moment the version took effect:
 * what consumed consigned stock is settled at, so also what the supplier's stock here is worth (analytics).
 */
public record AgreementPrice(
        String supplier, String item, String warehouse, Instant effectiveAt, BigDecimal price, String currency) {}
