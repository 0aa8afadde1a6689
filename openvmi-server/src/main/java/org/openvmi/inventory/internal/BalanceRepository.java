package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.openvmi.inventory.model.StockKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Balances per stock key, changed only by single conditional statements so concurrent postings never lose units. */
@Repository
public class BalanceRepository {

    private final JdbcClient jdbc;

    BalanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> idOf(StockKey key) {
        return jdbc.sql("""
                SELECT id FROM stock_balance
                WHERE item_id = :item AND location_id = :location AND owner = :owner AND lot = :lot""")
                .param("item", key.itemId()).param("location", key.locationId())
                .param("owner", key.owner()).param("lot", key.lot())
                .query(Long.class).optional();
    }

    /**
     * Creates the balance row of a new key. When another transaction created it first this throws
     * DuplicateKeyException (the transaction is then unusable on PostgreSQL): the posting is retried as a whole.
     */
    public long create(StockKey key, Long ownerSupplierId, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO stock_balance (item_id, location_id, owner, owner_supplier_id, lot, updated_at)
                VALUES (:item, :location, :owner, :supplier, :lot, :now)""")
                .param("item", key.itemId()).param("location", key.locationId()).param("owner", key.owner())
                .param("supplier", ownerSupplierId).param("lot", key.lot()).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Adds a signed quantity to on hand in one statement, refusing (false) when it would leave less on hand than is
     * reserved, unless the location allows negative stock or the quantity adds stock.
     */
    public boolean change(long balanceId, BigDecimal signedQty, boolean allowNegative, Instant now) {
        return jdbc.sql("""
                UPDATE stock_balance SET on_hand = on_hand + :qty, version = version + 1, updated_at = :now
                WHERE id = :id AND (:qty >= 0 OR :allowNegative OR on_hand + :qty >= reserved)""")
                .param("qty", signedQty).param("allowNegative", allowNegative)
                .param("id", balanceId).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public BigDecimal available(long balanceId) {
        return jdbc.sql("SELECT on_hand - reserved FROM stock_balance WHERE id = :id").param("id", balanceId)
                .query(BigDecimal.class).single();
    }

    /** Reserves available stock in one statement; false when not enough is available. */
    public boolean reserve(long balanceId, BigDecimal qty, Instant now) {
        return jdbc.sql("""
                UPDATE stock_balance SET reserved = reserved + :qty, version = version + 1, updated_at = :now
                WHERE id = :id AND on_hand - reserved >= :qty""")
                .param("qty", qty).param("id", balanceId).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Releases a reservation (never below zero: the CHECK constraint refuses it). */
    public void release(long balanceId, BigDecimal qty, Instant now) {
        jdbc.sql("""
                UPDATE stock_balance SET reserved = reserved - :qty, version = version + 1, updated_at = :now
                WHERE id = :id""")
                .param("qty", qty).param("id", balanceId).param("now", Timestamp.from(now)).update();
    }
}
