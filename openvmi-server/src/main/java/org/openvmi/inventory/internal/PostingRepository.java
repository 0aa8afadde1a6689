package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openvmi.inventory.model.PostingLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Postings (with their idempotency key and first answer) and their append-only movements. */
@Repository
public class PostingRepository {

    public record StoredPosting(long id, String requestHash, String responseJson) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PostingRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<StoredPosting> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT id, request_hash, response_json FROM stock_posting WHERE idempotency_key = :k")
                .param("k", key)
                .query((rs, n) -> new StoredPosting(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Inserts the posting; a concurrent posting with the same key makes this throw DuplicateKeyException. */
    public long insert(String idempotencyKey, String requestHash, String username, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO stock_posting (idempotency_key, request_hash, username, posted_at)
                VALUES (:k, :h, :u, :now)""")
                .param("k", idempotencyKey)
                .param("h", requestHash)
                .param("u", username)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void storeResponse(long postingId, String responseJson) {
        jdbc.sql("UPDATE stock_posting SET response_json = :r WHERE id = :id")
                .param("r", responseJson)
                .param("id", postingId)
                .update();
    }

    private static final String INSERT_MOVEMENTS = """
            INSERT INTO stock_movement (posting_id, balance_id, type, item_id, location_id, owner, lot, qty,
                                        unit_cost, reference, reason, username, posted_at)
            VALUES """;
    private static final String MOVEMENT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Rows per INSERT statement: 13 parameters each stays far below the drivers' parameter limits. */
    private static final int ROWS_PER_INSERT = 250;

    private final Map<Integer, String> insertSql = new ConcurrentHashMap<>();

    /**
     * Appends the movements of a posting with one multi-row INSERT per 250 lines and returns their ids in line order,
     * from the generated keys (no second query). Identity values are drawn in the order of the VALUES rows, so the
     * ids in ascending order belong to the lines in request order.
     */
    public List<Long> insertMovements(
            long postingId, List<PostingLine> lines, List<Long> balanceIds, String username, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Long> ids = new ArrayList<>(lines.size());
        for (int from = 0; from < lines.size(); from += ROWS_PER_INSERT) {
            int to = Math.min(lines.size(), from + ROWS_PER_INSERT);
            List<Long> chunk =
                    insertChunk(postingId, lines.subList(from, to), balanceIds.subList(from, to), username, at);
            if (chunk.size() != to - from) {
                // a driver that does not hand back every generated key
                return jdbc.sql("SELECT id FROM stock_movement WHERE posting_id = :p ORDER BY id")
                        .param("p", postingId)
                        .query(Long.class)
                        .list();
            }
            ids.addAll(chunk);
        }
        return ids;
    }

    private List<Long> insertChunk(
            long postingId, List<PostingLine> lines, List<Long> balanceIds, String username, Timestamp at) {
        String sql = insertSql.computeIfAbsent(
                lines.size(), n -> INSERT_MOVEMENTS + String.join(", ", Collections.nCopies(n, MOVEMENT_ROW)));
        KeyHolder keys = new GeneratedKeyHolder();
        template.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"});
                    int p = 1;
                    for (int i = 0; i < lines.size(); i++) {
                        PostingLine l = lines.get(i);
                        ps.setLong(p++, postingId);
                        ps.setLong(p++, balanceIds.get(i));
                        ps.setString(p++, l.type().name());
                        ps.setLong(p++, l.key().itemId());
                        ps.setLong(p++, l.key().locationId());
                        ps.setString(p++, l.key().owner());
                        ps.setString(p++, l.key().lot());
                        ps.setBigDecimal(p++, l.signedQty());
                        ps.setBigDecimal(p++, l.unitCost());
                        ps.setString(p++, l.reference());
                        ps.setString(p++, l.reason());
                        ps.setString(p++, username);
                        ps.setTimestamp(p++, at);
                    }
                    return ps;
                },
                keys);
        List<Long> ids = new ArrayList<>(lines.size());
        for (Map<String, Object> row : keys.getKeyList()) {
            ids.add(((Number) row.values().iterator().next()).longValue());
        }
        ids.sort(null);
        return ids;
    }

    /** Own on hand of an item over all locations, for the moving average cost. */
    public BigDecimal ownOnHand(long itemId) {
        return jdbc.sql("SELECT COALESCE(SUM(on_hand), 0) FROM stock_balance WHERE item_id = :i AND owner = 'OWN'")
                .param("i", itemId)
                .query(BigDecimal.class)
                .single();
    }

    /** Locks the item's cost row (creating it when missing) and returns its average cost, or null when new. */
    public BigDecimal lockAverageCost(long itemId) {
        return jdbc.sql("SELECT average_cost FROM item_cost WHERE item_id = :i FOR UPDATE")
                .param("i", itemId)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
    }

    public void saveAverageCost(long itemId, BigDecimal cost, boolean exists, Instant now) {
        String sql = exists
                ? "UPDATE item_cost SET average_cost = :c, updated_at = :now WHERE item_id = :i"
                : "INSERT INTO item_cost (item_id, average_cost, updated_at) VALUES (:i, :c, :now)";
        jdbc.sql(sql)
                .param("i", itemId)
                .param("c", cost)
                .param("now", Timestamp.from(now))
                .update();
    }
}
