package org.openvmi.supplier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A supplier's current stock of one item as stored, with its age in hours (by {@code asOf}) and whether that is
 * older than {@code openvmi.supplier-stock.stale-after}; {@code supplierPartNo}: the supplier's own part number of the
 * item (each row is one supplier's, so a supplier sees only its own).
 */
public record SupplierStockView(
        String supplier,
        String supplierName,
        String item,
        String itemName,
        String uom,
        BigDecimal available,
        BigDecimal inProduction,
        LocalDate availableFrom,
        Integer leadTimeDays,
        BigDecimal lowWater,
        Instant asOf,
        StockSource source,
        Instant recordedAt,
        String recordedBy,
        long ageHours,
        boolean stale,
        String supplierPartNo) {}
