package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
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

    /** A posting written with its movements: its id and the movements' ids in line order. */
    public record Written(long postingId, List<Long> movementIds) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final boolean postgres;

    PostingRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.postgres = Dialect.isPostgres(dataSource);
    }

    /**
     * Whether {@link #insertWithMovements} writes the posting and its movements in one statement (PostgreSQL: a
     * data-modifying WITH, one round trip fewer per posting, ADR 0083); else {@link #insert} and {@link
     * #insertMovements} are used (H2 in process, where a statement costs no round trip).
     */
    public boolean writesInOneStatement() {
        return postgres;
    }

    private static final String INSERT_POSTING_WITH_MOVEMENTS = """
            WITH p AS (
                INSERT INTO stock_posting (idempotency_key, request_hash, username, posted_at)
                VALUES (?, ?, ?, ?) RETURNING id)
            INSERT INTO stock_movement (posting_id, balance_id, type, item_id, location_id, owner, lot, qty,
                                        unit_cost, reference, reason, username, posted_at)
            SELECT p.id, v.balance_id, v.type, v.item_id, v.location_id, v.owner, v.lot, v.qty,
                   v.unit_cost, v.reference, v.reason, CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE)
            FROM p, unnest(CAST(? AS BIGINT[]), CAST(? AS VARCHAR[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]),
                           CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS NUMERIC[]), CAST(? AS NUMERIC[]),
                           CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]))
                 WITH ORDINALITY AS v(balance_id, type, item_id, location_id, owner, lot, qty, unit_cost, reference,
                                      reason, n)
            ORDER BY v.n
            RETURNING id, posting_id""";

    /**
     * PostgreSQL only ({@link #writesInOneStatement}): the posting row and all its movements in one statement, the
     * lines passed as arrays (one statement text for any number of lines, so the server keeps it prepared). The
     * movements are inserted in line order ({@code ORDER BY} the arrays' ordinal), so their identity values ascend
     * in line order, as with {@link #insertMovements}. A concurrent posting with the same key makes this throw
     * DuplicateKeyException.
     */
    public Written insertWithMovements(
            String idempotencyKey,
            String requestHash,
            String username,
            Instant now,
            List<PostingLine> lines,
            List<Long> balanceIds) {
        Timestamp at = Timestamp.from(now);
        int n = lines.size();
        Long[] balance = new Long[n];
        String[] type = new String[n];
        Long[] item = new Long[n];
        Long[] location = new Long[n];
        String[] owner = new String[n];
        String[] lot = new String[n];
        BigDecimal[] qty = new BigDecimal[n];
        BigDecimal[] unitCost = new BigDecimal[n];
        String[] reference = new String[n];
        String[] reason = new String[n];
        for (int i = 0; i < n; i++) {
            PostingLine l = lines.get(i);
            balance[i] = balanceIds.get(i);
            type[i] = l.type().name();
            item[i] = l.key().itemId();
            location[i] = l.key().locationId();
            owner[i] = l.key().owner();
            lot[i] = l.key().lot();
            qty[i] = l.signedQty();
            unitCost[i] = l.unitCost();
            reference[i] = l.reference();
            reason[i] = l.reason();
        }
        long[] postingId = {0};
        List<Long> ids = template.execute((java.sql.Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement(INSERT_POSTING_WITH_MOVEMENTS)) {
                int p = 1;
                ps.setString(p++, idempotencyKey);
                ps.setString(p++, requestHash);
                ps.setString(p++, username);
                ps.setTimestamp(p++, at);
                ps.setString(p++, username);
                ps.setTimestamp(p++, at);
                ps.setArray(p++, con.createArrayOf("bigint", balance));
                ps.setArray(p++, con.createArrayOf("varchar", type));
                ps.setArray(p++, con.createArrayOf("bigint", item));
                ps.setArray(p++, con.createArrayOf("bigint", location));
                ps.setArray(p++, con.createArrayOf("varchar", owner));
                ps.setArray(p++, con.createArrayOf("varchar", lot));
                ps.setArray(p++, con.createArrayOf("numeric", qty));
                ps.setArray(p++, con.createArrayOf("numeric", unitCost));
                ps.setArray(p++, con.createArrayOf("varchar", reference));
                ps.setArray(p++, con.createArrayOf("varchar", reason));
                List<Long> out = new ArrayList<>(n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                        postingId[0] = rs.getLong(2);
                    }
                }
                return out;
            }
        });
        if (ids == null || ids.size() != n) {
            throw new IllegalStateException("expected " + n + " movements, wrote " + (ids == null ? 0 : ids.size()));
        }
        ids.sort(null);
        return new Written(postingId[0], ids);
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
