package org.openvmi.planning;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The demand of one item at one warehouse on one day, in the item's unit of measure. */
public record DemandRecord(long itemId, long warehouseId, LocalDate day, BigDecimal qty) {}
