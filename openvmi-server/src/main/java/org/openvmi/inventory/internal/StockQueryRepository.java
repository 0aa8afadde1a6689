package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openvmi.catalog.CatalogRefs;
import org.openvmi.inventory.MovementFilter;
import org.openvmi.inventory.MovementView;
import org.openvmi.inventory.ReconcileReport;
import org.openvmi.inventory.StockFilter;
import org.openvmi.inventory.StockView;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read side of the ledger: stock with values, movement history, reconciliation. Reports may join master data. */
@Repository
public class StockQueryRepository {

    private static final String STOCK_FROM = """
            FROM stock_balance b
            JOIN item i ON i.id = b.item_id
            JOIN location l ON l.id = b.location_id
            JOIN warehouse w ON w.id = l.warehouse_id
            LEFT JOIN item_cost c ON c.item_id = b.item_id
            LEFT JOIN supplier_item sp ON sp.item_id = b.item_id AND sp.supplier_id = b.owner_supplier_id
            LEFT JOIN (SELECT tl.item_id, t.to_location_id, tl.owner, tl.lot,
                              SUM(tl.shipped_qty - tl.received_qty) AS qty
                       FROM stock_transfer_line tl JOIN stock_transfer t ON t.id = tl.transfer_id
                       WHERE t.status IN ('SHIPPED', 'PARTIALLY_RECEIVED')
                       GROUP BY tl.item_id, t.to_location_id, tl.owner, tl.lot) tr
                   ON tr.item_id = b.item_id AND tr.to_location_id = b.location_id AND tr.owner = b.owner
                  AND tr.lot = b.lot""";

    private final JdbcClient jdbc;

    StockQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<StockView> stock(StockFilter f, PageRequest page, PartyScope scope) {
        List<String> where = new ArrayList<>(List.of(CatalogRefs.itemPredicate("b.item_id", scope)));
        Map<String, Object> params = new HashMap<>();
        params.put("scopeSupplierId", scope.supplierIdParam());
        if (!f.includeZero()) {
            where.add("(b.on_hand <> 0 OR b.reserved <> 0 OR COALESCE(tr.qty, 0) <> 0)");
        }
        if (f.item() != null && !f.item().isBlank()) {
            where.add("i.code = :item");
            params.put("item", f.item().trim());
        }
        if (f.warehouse() != null && !f.warehouse().isBlank()) {
            where.add("w.code = :warehouse");
            params.put("warehouse", f.warehouse().trim());
        }
        if (f.location() != null && !f.location().isBlank()) {
            where.add("l.code = :location");
            params.put("location", f.location().trim());
        }
        if (f.owner() != null && !f.owner().isBlank()) {
            if ("CONSIGNMENT".equalsIgnoreCase(f.owner().trim())) {
                where.add("b.owner <> 'OWN'");
            } else {
                where.add("b.owner = :owner");
                params.put("owner", f.owner().trim());
            }
        }
        String filter = " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) " + STOCK_FROM + filter).params(params).query(Long.class).single();
        List<StockView> rows = jdbc.sql("""
                SELECT i.code AS item, i.name AS item_name, i.uom, w.code AS warehouse, l.code AS location, b.owner,
                       b.lot, b.on_hand, b.reserved, COALESCE(c.average_cost, i.unit_cost) AS own_cost,
                       sp.price AS consignment_price, COALESCE(tr.qty, 0) AS in_transit
                """ + STOCK_FROM + filter + " ORDER BY i.code, w.code, l.code, b.owner, b.lot LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(StockQueryRepository::stockRow).list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    private static StockView stockRow(ResultSet rs, int n) throws SQLException {
        BigDecimal onHand = rs.getBigDecimal("on_hand");
        BigDecimal reserved = rs.getBigDecimal("reserved");
        boolean own = "OWN".equals(rs.getString("owner"));
        BigDecimal unit = own ? rs.getBigDecimal("own_cost") : rs.getBigDecimal("consignment_price");
        BigDecimal value = unit == null ? null : unit.multiply(onHand).setScale(2, RoundingMode.HALF_UP);
        String lot = rs.getString("lot");
        return new StockView(rs.getString("item"), rs.getString("item_name"), rs.getString("uom"),
                rs.getString("warehouse"), rs.getString("location"), rs.getString("owner"),
                lot == null || lot.isEmpty() ? null : lot, Decimals.plain(onHand), Decimals.plain(reserved),
                Decimals.plain(onHand.subtract(reserved)), Decimals.plain(rs.getBigDecimal("in_transit")), Decimals.plain(unit), value, own);
    }

    public PageResult<MovementView> movements(MovementFilter f, PageRequest page, PartyScope scope) {
        List<String> where = new ArrayList<>(List.of(CatalogRefs.itemPredicate("m.item_id", scope)));
        Map<String, Object> params = new HashMap<>();
        params.put("scopeSupplierId", scope.supplierIdParam());
        add(where, params, f.item(), "i.code = :item", "item");
        add(where, params, f.warehouse(), "w.code = :warehouse", "warehouse");
        add(where, params, f.location(), "l.code = :location", "location");
        add(where, params, f.owner(), "m.owner = :owner", "owner");
        add(where, params, f.type(), "m.type = :type", "type");
        add(where, params, f.reference(), "m.reference = :reference", "reference");
        if (f.posting() != null) {
            where.add("m.posting_id = :posting");
            params.put("posting", f.posting());
        }
        if (f.from() != null) {
            where.add("m.posted_at >= :from");
            params.put("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.add("m.posted_at < :to");
            params.put("to", Timestamp.from(f.to()));
        }
        String from = """
                 FROM stock_movement m JOIN item i ON i.id = m.item_id JOIN location l ON l.id = m.location_id
                 JOIN warehouse w ON w.id = l.warehouse_id WHERE\s""" + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        List<MovementView> rows = jdbc.sql("""
                SELECT m.*, i.code AS item_code, l.code AS location_code, w.code AS warehouse_code
                """ + from + " ORDER BY m.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(StockQueryRepository::movementRow).list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    private static void add(List<String> where, Map<String, Object> params, String value, String predicate, String name) {
        if (value != null && !value.isBlank()) {
            where.add(predicate);
            params.put(name, value.trim());
        }
    }

    private static MovementView movementRow(ResultSet rs, int n) throws SQLException {
        String lot = rs.getString("lot");
        return new MovementView(rs.getLong("id"), rs.getLong("posting_id"), rs.getString("type"),
                rs.getString("item_code"), rs.getString("warehouse_code"), rs.getString("location_code"),
                rs.getString("owner"), lot == null || lot.isEmpty() ? null : lot, Decimals.plain(rs.getBigDecimal("qty")),
                Decimals.plain(rs.getBigDecimal("unit_cost")), rs.getString("reference"), rs.getString("reason"),
                rs.getString("username"), rs.getTimestamp("posted_at").toInstant());
    }

    /** Invariants 1–3 of the architecture: on hand = Σ movements; no negative stock; reserved ≤ on hand. */
    public ReconcileReport reconcile() {
        long checked = jdbc.sql("SELECT COUNT(*) FROM stock_balance").query(Long.class).single();
        List<ReconcileReport.Break> breaks = new ArrayList<>();
        jdbc.sql("""
                SELECT i.code AS item, l.code AS location, b.owner, b.lot, b.on_hand, b.reserved,
                       COALESCE(s.total, 0) AS ledger_sum, l.allow_negative
                FROM stock_balance b
                JOIN item i ON i.id = b.item_id JOIN location l ON l.id = b.location_id
                LEFT JOIN (SELECT balance_id, SUM(qty) AS total FROM stock_movement GROUP BY balance_id) s
                       ON s.balance_id = b.id
                WHERE b.on_hand <> COALESCE(s.total, 0)
                   OR (NOT l.allow_negative AND (b.on_hand < 0 OR b.reserved > b.on_hand))
                   OR b.reserved < 0
                ORDER BY i.code, l.code""")
                .query((rs, n) -> {
                    BigDecimal onHand = rs.getBigDecimal("on_hand");
                    BigDecimal reserved = rs.getBigDecimal("reserved");
                    BigDecimal sum = rs.getBigDecimal("ledger_sum");
                    String invariant;
                    String detail;
                    if (onHand.compareTo(sum) != 0) {
                        invariant = "BALANCE_EQUALS_LEDGER";
                        detail = "on hand " + onHand.toPlainString() + " but movements add up to " + sum.toPlainString();
                    } else if (onHand.signum() < 0) {
                        invariant = "NO_NEGATIVE_STOCK";
                        detail = "on hand is negative at a location that does not allow it";
                    } else {
                        invariant = "RESERVED_WITHIN_ON_HAND";
                        detail = "reserved " + reserved.toPlainString() + " exceeds on hand " + onHand.toPlainString();
                    }
                    return breaks.add(new ReconcileReport.Break(invariant, rs.getString("item"), rs.getString("location"),
                            rs.getString("owner"), rs.getString("lot"), Decimals.plain(onHand), Decimals.plain(reserved),
                            Decimals.plain(sum), detail));
                }).list();
        return new ReconcileReport(breaks.isEmpty(), checked, breaks);
    }
}
