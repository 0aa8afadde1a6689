package org.openvmi.inventory;

import java.util.SortedSet;

/**
 * Published inside the posting's transaction, after its balances changed: the items at warehouses whose stock moved.
 * Listeners run in that transaction (an alert raised by a posting commits or rolls back with it).
 */
public record StockChanged(SortedSet<ItemWarehouse> subjects) {}
