package org.openvmi.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Published for each receipt line after its transaction committed: the lead-time fact planning and scorecards read
 * (ordered on, received on, the confirmed or needed-by date it is measured against, on time or not).
 */
public record GoodsReceived(
        long receiptId,
        long purchaseOrder,
        String supplier,
        String item,
        String warehouse,
        BigDecimal qty,
        LocalDate orderedOn,
        LocalDate receivedOn,
        LocalDate promisedOn,
        int leadTimeDays,
        boolean onTime) {}
