package org.openvmi.supplier;

/**
 * A supplier's own part number of an item of its source list ({@code PUT /supplier-stock/part-numbers/{item}});
 * null or blank clears it.
 */
public record SupplierPartNo(String item, String supplierPartNo) {}
