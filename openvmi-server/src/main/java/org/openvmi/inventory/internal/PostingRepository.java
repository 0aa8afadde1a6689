package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openvmi.inventory.model.PostingLine;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Postings (with their idempotency key and first answer) and their append-only movements. */
@Repository
public class PostingRepository {

    public record StoredPosting(long id, String requestHash, String responseJson) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PostingRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<StoredPosting> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT id, request_hash, response_json FROM stock_posting WHERE idempotency_key = :k")
                .param("k", key)
                .query((rs, n) -> new StoredPosting(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Inserts the posting; a concurrent posting with the same key makes this throw DuplicateKeyException. */
    public long insert(String idempotencyKey, String requestHash, String username, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO stock_posting (idempotency_key, request_hash, username, posted_at)
                VALUES (:k, :h, :u, :now)""")
                .param("k", idempotencyKey).param("h", requestHash).param("u", username)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void storeResponse(long postingId, String responseJson) {
        jdbc.sql("UPDATE stock_posting SET response_json = :r WHERE id = :id")
                .param("r", responseJson).param("id", postingId).update();
    }

    private static final String INSERT_MOVEMENT = """
            INSERT INTO stock_movement (posting_id, balance_id, type, item_id, location_id, owner, lot, qty,
                                        unit_cost, reference, reason, username, posted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * Appends the movements of a posting in one JDBC batch and returns their ids in line order, as the driver hands
     * back the generated keys of the batch (no second query).
     */
    public List<Long> insertMovements(long postingId, List<PostingLine> lines, List<Long> balanceIds, String username,
                                      Instant now) {
        Timestamp at = Timestamp.from(now);
        KeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(con -> con.prepareStatement(INSERT_MOVEMENT, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        PostingLine l = lines.get(i);
                        ps.setLong(1, postingId);
                        ps.setLong(2, balanceIds.get(i));
                        ps.setString(3, l.type().name());
                        ps.setLong(4, l.key().itemId());
                        ps.setLong(5, l.key().locationId());
                        ps.setString(6, l.key().owner());
                        ps.setString(7, l.key().lot());
                        ps.setBigDecimal(8, l.signedQty());
                        ps.setBigDecimal(9, l.unitCost());
                        ps.setString(10, l.reference());
                        ps.setString(11, l.reason());
                        ps.setString(12, username);
                        ps.setTimestamp(13, at);
                    }

                    @Override
                    public int getBatchSize() {
                        return lines.size();
                    }
                }, keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() == lines.size()) {
            List<Long> ids = new ArrayList<>(generated.size());
            for (Map<String, Object> row : generated) {
                ids.add(((Number) row.values().iterator().next()).longValue());
            }
            return ids;
        }
        // a driver that does not return the keys of a batch: identity values grow in insertion order
        return jdbc.sql("SELECT id FROM stock_movement WHERE posting_id = :p ORDER BY id").param("p", postingId)
                .query(Long.class).list();
    }

    /** Own on hand of an item over all locations, for the moving average cost. */
    public BigDecimal ownOnHand(long itemId) {
        return jdbc.sql("SELECT COALESCE(SUM(on_hand), 0) FROM stock_balance WHERE item_id = :i AND owner = 'OWN'")
                .param("i", itemId).query(BigDecimal.class).single();
    }

    /** Locks the item's cost row (creating it when missing) and returns its average cost, or null when new. */
    public BigDecimal lockAverageCost(long itemId) {
        return jdbc.sql("SELECT average_cost FROM item_cost WHERE item_id = :i FOR UPDATE").param("i", itemId)
                .query(BigDecimal.class).optional().orElse(null);
    }

    public void saveAverageCost(long itemId, BigDecimal cost, boolean exists, Instant now) {
        String sql = exists ? "UPDATE item_cost SET average_cost = :c, updated_at = :now WHERE item_id = :i"
                : "INSERT INTO item_cost (item_id, average_cost, updated_at) VALUES (:i, :c, :now)";
        jdbc.sql(sql).param("i", itemId).param("c", cost).param("now", Timestamp.from(now)).update();
    }
}
