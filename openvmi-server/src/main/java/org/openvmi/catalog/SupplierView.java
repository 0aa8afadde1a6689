package org.openvmi.catalog;

/** A supplier with its contact and the size of its source list. */
public record SupplierView(
        long id,
        String code,
        String name,
        String contactName,
        String contactPhone,
        String contactEmail,
        String address,
        boolean active,
        int itemCount,
        int version) {}
