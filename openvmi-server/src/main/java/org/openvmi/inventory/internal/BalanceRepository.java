package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
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

    /**
     * From this many changes of distinct rows on PostgreSQL, {@link #changeAll} runs one statement for all of them
     * instead of one per change (ADR 0083); below it the batch of single statements is as cheap (one round trip).
     */
    static final int SET_BASED_FROM = 8;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final boolean postgres;

    BalanceRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.postgres = Dialect.isPostgres(dataSource);
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
        if (postgres && changes.size() >= SET_BASED_FROM && distinctRows(changes)) {
            return changeAllAtOnce(changes, now);
        }
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

    private static boolean distinctRows(List<Change> changes) {
        Set<Long> seen = new HashSet<>(changes.size() * 2);
        for (Change c : changes) {
            if (!seen.add(c.balanceId())) {
                return false;
            }
        }
        return true;
    }

    /**
     * PostgreSQL, changes of distinct rows: one statement. The sub-select locks the rows in the order of the list
     * (its {@code ORDER BY} the arrays' ordinal sits below the row locking, so the locks are taken in stock-key order
     * as with the batch: concurrent postings still never deadlock), and the UPDATE changes only rows it has locked,
     * each with the same condition as the single statement, against the row's latest committed version (READ
     * COMMITTED re-checks a row a concurrent posting changed before the lock was granted). The lock is FOR NO KEY
     * UPDATE, the one an UPDATE of these columns takes: FOR UPDATE would also conflict with the KEY SHARE locks the
     * foreign key checks of other postings' movements hold on these rows (taken in line order, not key order), and
     * deadlocked. The rows changed come back; a row that is not among them was refused.
     */
    private static final String CHANGE_ALL_AT_ONCE = """
            UPDATE stock_balance b
            SET on_hand = b.on_hand + c.qty, version = b.version + 1, updated_at = ?
            FROM (SELECT s.id, v.qty, v.neg
                  FROM stock_balance s
                  JOIN unnest(CAST(? AS BIGINT[]), CAST(? AS NUMERIC[]), CAST(? AS BOOLEAN[]))
                       WITH ORDINALITY AS v(id, qty, neg, n) ON v.id = s.id
                  ORDER BY v.n
                  FOR NO KEY UPDATE OF s) c
            WHERE b.id = c.id AND (c.qty >= 0 OR b.on_hand + c.qty >= b.reserved OR c.neg)
            RETURNING b.id""";

    private boolean[] changeAllAtOnce(List<Change> changes, Instant now) {
        int n = changes.size();
        Long[] ids = new Long[n];
        BigDecimal[] qty = new BigDecimal[n];
        Boolean[] negative = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Change c = changes.get(i);
            ids[i] = c.balanceId();
            qty[i] = c.signedQty();
            negative[i] = c.allowNegative();
        }
        Timestamp at = Timestamp.from(now);
        Set<Long> changed = template.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement(CHANGE_ALL_AT_ONCE)) {
                ps.setTimestamp(1, at);
                ps.setArray(2, con.createArrayOf("bigint", ids));
                ps.setArray(3, con.createArrayOf("numeric", qty));
                ps.setArray(4, con.createArrayOf("boolean", negative));
                Set<Long> out = new HashSet<>(n * 2);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
        boolean[] applied = new boolean[n];
        for (int i = 0; i < n; i++) {
            applied[i] = changed != null && changed.contains(ids[i]);
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

    /**
     * Reserves on several rows as one JDBC batch of the same conditional update as {@link #reserve} (one round trip;
     * the statements run in list order, so the row locks are taken in that order); per row whether it was applied.
     */
    public boolean[] reserveAll(long[] balanceIds, BigDecimal[] qty, Instant now) {
        Timestamp at = Timestamp.from(now);
        int[] counts = template.batchUpdate("""
                UPDATE stock_balance SET reserved = reserved + ?, version = version + 1, updated_at = ?
                WHERE id = ? AND on_hand - reserved >= ?""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                ps.setBigDecimal(1, qty[i]);
                ps.setTimestamp(2, at);
                ps.setLong(3, balanceIds[i]);
                ps.setBigDecimal(4, qty[i]);
            }

            @Override
            public int getBatchSize() {
                return balanceIds.length;
            }
        });
        boolean[] applied = new boolean[counts.length];
        for (int i = 0; i < applied.length; i++) {
            applied[i] = counts[i] == 1;
        }
        return applied;
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
