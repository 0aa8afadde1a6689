package org.openvmi.supplier;

/**
 * One of a supplier's own column names (e.g. its ERP export's "可用数量") and the upload column it means
 * ({@code available}); a null or blank {@code column} means the supplier's column is ignored.
 */
public record SupplierStockColumn(String header, String column) {}
