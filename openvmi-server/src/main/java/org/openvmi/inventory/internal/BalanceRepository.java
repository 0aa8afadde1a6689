package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openvmi.inventory.model.StockKey;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Balances per stock key, changed only by single conditional statements so concurrent postings never lose units. */
@Repository
public class BalanceRepository {

    /** One signed change of one balance row; {@code allowNegative}: its location allows negative stock now. */
    public record Change(long balanceId, BigDecimal signedQty, boolean allowNegative) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    BalanceRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<Long> idOf(StockKey key) {
        return jdbc.sql("""
                SELECT id FROM stock_balance
                WHERE item_id = :item AND location_id = :location AND owner = :owner AND lot = :lot""")
                .param("item", key.itemId())
                .param("location", key.locationId())
                .param("owner", key.owner())
                .param("lot", key.lot())
                .query(Long.class)
                .optional();
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
                .param("item", key.itemId())
                .param("location", key.locationId())
                .param("owner", key.owner())
                .param("supplier", ownerSupplierId)
                .param("lot", key.lot())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Applies the changes in the given order in one JDBC batch (one round trip), each a single conditional statement
     * (refused when it would leave less on hand than is reserved, unless it adds stock or the location allows negative
     * stock); returns, per change, whether it was applied. Whether the location allows negative stock comes with
     * each change, read by the caller from catalog in the same transaction (ADR 0068). The statements run in list
     * order, so the row locks are taken in that order.
     */
    public boolean[] changeAll(List<Change> changes, Instant now) {
        Timestamp at = Timestamp.from(now);
        int[] counts = template.batchUpdate("""
                UPDATE stock_balance SET on_hand = on_hand + ?, version = version + 1, updated_at = ?
                WHERE id = ? AND (? >= 0 OR on_hand + ? >= reserved OR ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Change c = changes.get(i);
                ps.setBigDecimal(1, c.signedQty());
                ps.setTimestamp(2, at);
                ps.setLong(3, c.balanceId());
                ps.setBigDecimal(4, c.signedQty());
                ps.setBigDecimal(5, c.signedQty());
                ps.setBoolean(6, c.allowNegative());
            }

            @Override
            public int getBatchSize() {
                return changes.size();
            }
        });
        boolean[] applied = new boolean[changes.size()];
        for (int i = 0; i < applied.length; i++) {
            applied[i] = counts[i] == 1;
        }
        return applied;
    }

    /** Applies one change without the reserved check: its location allows negative stock (checked by the caller). */
    public void changeAnyway(Change change, Instant now) {
        jdbc.sql("""
                UPDATE stock_balance SET on_hand = on_hand + :qty, version = version + 1, updated_at = :now
                WHERE id = :id""")
                .param("qty", change.signedQty())
                .param("id", change.balanceId())
                .param("now", Timestamp.from(now))
                .update();
    }

    public BigDecimal available(long balanceId) {
        return jdbc.sql("SELECT on_hand - reserved FROM stock_balance WHERE id = :id")
                .param("id", balanceId)
                .query(BigDecimal.class)
                .single();
    }

    /** Reserves available stock in one statement; false when not enough is available. */
    public boolean reserve(long balanceId, BigDecimal qty, Instant now) {
        return jdbc.sql("""
                UPDATE stock_balance SET reserved = reserved + :qty, version = version + 1, updated_at = :now
                WHERE id = :id AND on_hand - reserved >= :qty""")
                        .param("qty", qty)
                        .param("id", balanceId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Releases a reservation (never below zero: the CHECK constraint refuses it). */
    public void release(long balanceId, BigDecimal qty, Instant now) {
        jdbc.sql("""
                UPDATE stock_balance SET reserved = reserved - :qty, version = version + 1, updated_at = :now
                WHERE id = :id""")
                .param("qty", qty)
                .param("id", balanceId)
                .param("now", Timestamp.from(now))
                .update();
    }
}
