package org.openvmi.inventory;

/** Filters of the stock list; owner is OWN, a supplier code, or CONSIGNMENT for all supplier-owned stock. */
public record StockFilter(String item, String warehouse, String location, String owner, boolean includeZero) {
}
