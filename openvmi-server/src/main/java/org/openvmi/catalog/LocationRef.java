package org.openvmi.catalog;

/** What other features need to know of a location to post stock at it. */
public record LocationRef(
        long id, String code, long warehouseId, String warehouse, LocationType type, boolean allowNegative) {}
