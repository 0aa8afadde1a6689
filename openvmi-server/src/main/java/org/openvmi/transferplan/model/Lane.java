package org.openvmi.transferplan.model;

import java.math.BigDecimal;

/** A lane between two warehouses: what moving one unit costs and how many days it is on its way. */
public record Lane(long fromWarehouseId, long toWarehouseId, BigDecimal costPerUnit, int transitDays) {}
