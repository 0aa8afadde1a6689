package org.openvmi.inventory;

/**
 * Filters of the stock list; owner is OWN, a supplier code, or CONSIGNMENT for all supplier-owned stock. Item is an
 * exact item code; text (for people typing in a search field) matches code or name partly, or a barcode exactly.
 */
public record StockFilter(
        String item, String warehouse, String location, String owner, boolean includeZero, String text) {

    public StockFilter(String item, String warehouse, String location, String owner, boolean includeZero) {
        this(item, warehouse, location, owner, includeZero, null);
    }
}
