package org.openvmi.inventory.model;

import java.util.Comparator;

/**
 * Where a quantity of stock sits and whose it is. Owner is {@link #OWN} or a supplier code; lot is "" for items that
 * are not lot-tracked. The natural order is the order in which postings lock balances, so that concurrent batches never
 * deadlock.
 */
public record StockKey(long itemId, long locationId, String owner, String lot) implements Comparable<StockKey> {

    public static final String OWN = "OWN";

    private static final Comparator<StockKey> ORDER = Comparator.comparingLong(StockKey::itemId)
            .thenComparingLong(StockKey::locationId)
            .thenComparing(StockKey::owner)
            .thenComparing(StockKey::lot);

    public StockKey {
        lot = lot == null ? "" : lot;
    }

    public boolean ownStock() {
        return OWN.equals(owner);
    }

    @Override
    public int compareTo(StockKey other) {
        return ORDER.compare(this, other);
    }
}
