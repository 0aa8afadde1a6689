package org.openvmi.supplier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One stored report of a supplier's stock of an item, newest first in lists. */
public record SupplierStockHistoryView(
        String supplier,
        String item,
        BigDecimal available,
        BigDecimal inProduction,
        LocalDate availableFrom,
        Integer leadTimeDays,
        BigDecimal lowWater,
        Instant asOf,
        StockSource source,
        Instant recordedAt,
        String recordedBy) {}
