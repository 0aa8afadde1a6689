package org.openvmi.catalog;

/** A location (bin, VMI zone …) of a warehouse; codes are unique across all warehouses. */
public record LocationView(
        long id, String warehouse, String code, String name, LocationType type, boolean allowNegative, int version) {}
