package org.openvmi.catalog;

/** A warehouse with the number of its locations and the location it receives at by default (or null). */
public record WarehouseView(
        long id, String code, String name, String address, int locationCount, int version, String receivingLocation) {}
