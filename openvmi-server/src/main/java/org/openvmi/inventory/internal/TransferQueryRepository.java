package org.openvmi.inventory.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.inventory.TransferSummary;
import org.openvmi.inventory.TransferView;
import org.openvmi.shared.Decimals;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.openvmi.shared.SortColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Transfers as the API shows them; a supplier sees the lines of its own items only (and transfers that have some). */
@Repository
public class TransferQueryRepository {

    /** The transfer list's sortable columns (URL key, SQL). */
    static final SortColumns SORT = SortColumns.of(
            "t.id DESC",
            "t.id",
            "id",
            "t.id",
            "status",
            "t.status",
            "from",
            "f.code",
            "to",
            "d.code",
            "reference",
            "t.reference",
            "created",
            "t.created_at",
            "shipped",
            "t.shipped_at");

    private static final String FROM = """
            FROM stock_transfer t
            JOIN location f ON f.id = t.from_location_id JOIN warehouse fw ON fw.id = f.warehouse_id
            JOIN location d ON d.id = t.to_location_id JOIN warehouse dw ON dw.id = d.warehouse_id
            LEFT JOIN location x ON x.id = t.transit_location_id""";

    private final JdbcClient jdbc;

    TransferQueryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TransferView> view(long id, PartyScope scope) {
        // a supplier reads the lines of its items owned by the buyer or by itself, without lots it did not deliver
        String lineScope = CatalogRefs.itemPredicate("tl.item_id", scope) + " AND "
                + SupplierScopeSql.ownerVisible(scope, "tl.owner_supplier_id");
        List<TransferView.Line> lines = jdbc.sql(
                        """
                SELECT tl.*, i.code, i.name, i.uom,\s""" + SupplierScopeSql.lotHidden(scope, "tl.owner", "tl.item_id", "tl.lot")
                                + """
                 AS lot_hidden FROM stock_transfer_line tl JOIN item i ON i.id = tl.item_id
                WHERE tl.transfer_id = :id AND\s""" + lineScope + " ORDER BY tl.line_no")
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new TransferView.Line(
                        rs.getInt("line_no"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("uom"),
                        rs.getString("owner"),
                        rs.getInt("lot_hidden") == 1 ? null : lot(rs),
                        qty(rs, "qty"),
                        qty(rs, "shipped_qty"),
                        qty(rs, "received_qty"),
                        Decimals.plain(rs.getBigDecimal("shipped_qty").subtract(rs.getBigDecimal("received_qty")))))
                .list();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT t.*, f.code AS from_code, fw.code AS from_wh, d.code AS to_code, dw.code AS to_wh,"
                        + " x.code AS transit_code " + FROM + " WHERE t.id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    return new TransferView(
                            id,
                            status,
                            rs.getString("from_code"),
                            rs.getString("from_wh"),
                            rs.getString("to_code"),
                            rs.getString("to_wh"),
                            rs.getString("transit_code"),
                            rs.getString("reference"),
                            rs.getString("close_reason"),
                            rs.getString("created_by"),
                            instant(rs, "created_at"),
                            instant(rs, "shipped_at"),
                            instant(rs, "finished_at"),
                            rs.getLong("version"),
                            lines,
                            "DRAFT".equals(status) ? null : report(lines, status));
                })
                .optional();
    }

    private static TransferView.DifferenceReport report(List<TransferView.Line> lines, String status) {
        List<TransferView.DifferenceLine> diff = lines.stream()
                .map(l -> new TransferView.DifferenceLine(
                        l.line(), l.item(), l.owner(), l.lot(), l.shipped(), l.received(), l.open()))
                .toList();
        BigDecimal shipped = lines.stream().map(TransferView.Line::shipped).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal received = lines.stream().map(TransferView.Line::received).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new TransferView.DifferenceReport(
                diff,
                Decimals.plain(shipped),
                Decimals.plain(received),
                Decimals.plain(shipped.subtract(received)),
                "CLOSED".equals(status));
    }

    public PageResult<TransferSummary> find(String status, String warehouse, PageRequest page, PartyScope scope) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("scopeSupplierId", scope.supplierIdParam());
        String lines = " FROM stock_transfer_line tl WHERE tl.transfer_id = t.id AND "
                + CatalogRefs.itemPredicate("tl.item_id", scope) + " AND "
                + SupplierScopeSql.ownerVisible(scope, "tl.owner_supplier_id") + ")";
        where.add("EXISTS (SELECT 1" + lines);
        if (status != null) {
            where.add("t.status = :status");
            params.put("status", status);
        }
        if (warehouse != null && !warehouse.isBlank()) {
            where.add("(fw.code = :warehouse OR dw.code = :warehouse)");
            params.put("warehouse", warehouse.trim());
        }
        String filter = " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) " + FROM + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<TransferSummary> rows = jdbc.sql(
                        """
                SELECT t.id, t.status, f.code AS from_code, fw.code AS from_wh, d.code AS to_code, dw.code AS to_wh,
                       t.reference, t.created_at, t.shipped_at,
                """ + "(SELECT COUNT(*)" + lines + " AS line_count, (SELECT SUM(tl.qty)" + lines + " AS qty,"
                                + " (SELECT SUM(tl.received_qty)" + lines + " AS received " + FROM + filter
                                + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new TransferSummary(
                        rs.getLong("id"),
                        rs.getString("status"),
                        rs.getString("from_code"),
                        rs.getString("from_wh"),
                        rs.getString("to_code"),
                        rs.getString("to_wh"),
                        rs.getString("reference"),
                        rs.getInt("line_count"),
                        qty(rs, "qty"),
                        qty(rs, "received"),
                        instant(rs, "created_at"),
                        instant(rs, "shipped_at")))
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    private static BigDecimal qty(ResultSet rs, String column) throws SQLException {
        return Decimals.plain(rs.getBigDecimal(column));
    }

    private static String lot(ResultSet rs) throws SQLException {
        String lot = rs.getString("lot");
        return lot == null || lot.isEmpty() ? null : lot;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
