package org.openvmi.catalog;

/** What a location is for: ordinary storage, a VMI zone holding supplier-owned stock, receiving, or in transit. */
public enum LocationType {
    STORAGE,
    VMI,
    RECEIVING,
    IN_TRANSIT
}
