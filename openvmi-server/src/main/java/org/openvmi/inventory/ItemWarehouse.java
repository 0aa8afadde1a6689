package org.openvmi.inventory;

/** An item at a warehouse: the subject of stock lines, alerts and planning (ids, ordered item first). */
public record ItemWarehouse(long itemId, long warehouseId) implements Comparable<ItemWarehouse> {

    @Override
    public int compareTo(ItemWarehouse o) {
        int c = Long.compare(itemId, o.itemId);
        return c != 0 ? c : Long.compare(warehouseId, o.warehouseId);
    }
}
