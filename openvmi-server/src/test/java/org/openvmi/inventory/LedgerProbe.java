package org.openvmi.inventory;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads a test's stock keys straight from the tables, by business codes: balances and what the ledger adds up to. */
final class LedgerProbe {

    /** A stock key by codes; lot "" when the item is not lot-tracked. */
    record Key(String item, String location, String owner, String lot) {

        MovementRequest line(String type, BigDecimal qty, BigDecimal unitCost, String reference) {
            return new MovementRequest(
                    type, item, location, owner, lot.isEmpty() ? null : lot, qty, unitCost, null, reference);
        }

        @Override
        public String toString() {
            return item + "@" + location + "/" + owner + (lot.isEmpty() ? "" : "/" + lot);
        }
    }

    private static final String KEY_WHERE = """
            i.code = :item AND l.code = :location AND b.owner = :owner AND b.lot = :lot""";

    private final JdbcClient jdbc;

    LedgerProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** on_hand of the key's balance row, 0 when the key has none. */
    BigDecimal onHand(Key k) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(b.on_hand), 0) FROM stock_balance b JOIN item i ON i.id = b.item_id
                JOIN location l ON l.id = b.location_id WHERE""" + " " + KEY_WHERE)
                .params(params(k))
                .query(BigDecimal.class)
                .single();
    }

    /** Σ qty of the key's movements, found by the movement's own key columns (not by balance_id). */
    BigDecimal ledgerSum(Key k) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(m.qty), 0) FROM stock_movement m JOIN item i ON i.id = m.item_id
                JOIN location l ON l.id = m.location_id
                WHERE i.code = :item AND l.code = :location AND m.owner = :owner AND m.lot = :lot""").params(params(k)).query(BigDecimal.class).single();
    }

    /** The smallest on_hand − reserved over the given keys right now (one statement, so one snapshot). */
    BigDecimal minAvailable(Collection<Key> keys) {
        String where = keys.stream()
                .map(k -> "(i.code = '%s' AND l.code = '%s' AND b.owner = '%s' AND b.lot = '%s')"
                        .formatted(k.item(), k.location(), k.owner(), k.lot()))
                .collect(Collectors.joining(" OR "));
        return jdbc.sql("""
                SELECT MIN(b.on_hand - b.reserved) FROM stock_balance b JOIN item i ON i.id = b.item_id
                JOIN location l ON l.id = b.location_id WHERE""" + " " + where).query(BigDecimal.class).optional().orElse(null);
    }

    /** Number of movements per posting id for the postings that carry movements of the given items. */
    Map<Long, Long> linesPerPosting(Collection<String> itemCodes) {
        return jdbc
                .sql("""
                SELECT m.posting_id, COUNT(*) AS n FROM stock_movement m
                WHERE m.posting_id IN (SELECT m2.posting_id FROM stock_movement m2 JOIN item i ON i.id = m2.item_id
                                       WHERE i.code IN (:items))
                GROUP BY m.posting_id""")
                .param("items", itemCodes)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    long postingsWithKey(String idempotencyKey) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_posting WHERE idempotency_key = :k")
                .param("k", idempotencyKey)
                .query(Long.class)
                .single();
    }

    long movementsOfPosting(long postingId) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE posting_id = :p")
                .param("p", postingId)
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> params(Key k) {
        return Map.of("item", k.item(), "location", k.location(), "owner", k.owner(), "lot", k.lot());
    }
}
