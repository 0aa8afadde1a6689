package org.openvmi.catalog;

/** A warehouse with the number of its locations. */
public record WarehouseView(long id, String code, String name, String address, int locationCount, int version) {
}
