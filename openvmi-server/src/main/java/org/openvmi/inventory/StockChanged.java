package org.openvmi.inventory;

import java.util.Map;
import java.util.SortedSet;

/**
 * Published inside the posting's transaction, after its balances changed: the items at warehouses whose stock moved.
 * Listeners run in that transaction (an alert raised by a posting commits or rolls back with it). {@code codes} holds,
 * for the subjects the publisher knows them of, the codes and unit the posting itself used (the ledger's resolved
 * master data), so a listener that only names the subjects needs no read of the catalog; a subject without an entry
 * is read by id.
 */
public record StockChanged(SortedSet<ItemWarehouse> subjects, Map<ItemWarehouse, Codes> codes) {

    /** An item at a warehouse by its codes, and the item's unit. */
    public record Codes(String item, String warehouse, String uom) {}

    public StockChanged {
        codes = Map.copyOf(codes);
    }

    public StockChanged(SortedSet<ItemWarehouse> subjects) {
        this(subjects, Map.of());
    }
}
