package org.openvmi.consignment;

import java.math.BigDecimal;

/**
 * SLA of one VMI supplier: episodes below min, replenished on time, late (and the hours late in total), stockouts
 * (and their hours), episodes still open and those of them past due.
 */
public record SlaSummary(
        String supplier,
        String supplierName,
        long episodes,
        long onTime,
        long late,
        BigDecimal lateHours,
        long stockouts,
        BigDecimal stockoutHours,
        long open,
        long overdue,
        BigDecimal penalty) {}
