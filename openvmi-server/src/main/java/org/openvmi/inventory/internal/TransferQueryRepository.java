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
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.LocationRef;
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
            CatalogRefs.locationCode("t.from_location_id"),
            "to",
            CatalogRefs.locationCode("t.to_location_id"),
            "reference",
            "t.reference",
            "created",
            "t.created_at",
            "shipped",
            "t.shipped_at");

    /** The transfer's own rows; location and warehouse codes come from catalog, one query per page (ADR 0052). */
    private static final String FROM = " FROM stock_transfer t";

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    TransferQueryRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public Optional<TransferView> view(long id, PartyScope scope) {
        // a supplier reads the lines of its items owned by the buyer or by itself, without lots it did not deliver
        String lineScope = CatalogRefs.itemPredicate("tl.item_id", scope) + " AND "
                + SupplierScopeSql.ownerVisible(scope, "tl.owner_supplier_id");
        record LineRow(long itemId, TransferView.Line line) {}
        List<LineRow> rows = jdbc.sql("""
                SELECT tl.*,\s""" + SupplierScopeSql.lotHidden(scope, "tl.owner", "tl.item_id", "tl.lot")
                        + """
                 AS lot_hidden FROM stock_transfer_line tl
                WHERE tl.transfer_id = :id AND\s""" + lineScope + " ORDER BY tl.line_no")
                .param("id", id)
                .param("scopeSupplierId", scope.supplierIdParam())
                .query((rs, n) -> new LineRow(
                        rs.getLong("item_id"),
                        new TransferView.Line(
                                rs.getInt("line_no"),
                                null,
                                null,
                                null,
                                rs.getString("owner"),
                                rs.getInt("lot_hidden") == 1 ? null : lot(rs),
                                qty(rs, "qty"),
                                qty(rs, "shipped_qty"),
                                qty(rs, "received_qty"),
                                Decimals.plain(
                                        rs.getBigDecimal("shipped_qty").subtract(rs.getBigDecimal("received_qty"))))))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, ItemRef> items =
                catalog.itemsById(rows.stream().map(LineRow::itemId).distinct().toList());
        List<TransferView.Line> lines = rows.stream()
                .map(r -> {
                    TransferView.Line l = r.line();
                    ItemRef item = items.get(r.itemId());
                    return new TransferView.Line(
                            l.line(),
                            item.code(),
                            item.name(),
                            item.uom(),
                            l.owner(),
                            l.lot(),
                            l.qty(),
                            l.shipped(),
                            l.received(),
                            l.open());
                })
                .toList();
        record Head(long from, long to, Long transit, TransferView view) {}
        return jdbc.sql("SELECT t.*" + FROM + " WHERE t.id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    return new Head(
                            rs.getLong("from_location_id"),
                            rs.getLong("to_location_id"),
                            rs.getObject("transit_location_id", Long.class),
                            new TransferView(
                                    id,
                                    status,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    rs.getString("reference"),
                                    rs.getString("close_reason"),
                                    rs.getString("created_by"),
                                    instant(rs, "created_at"),
                                    instant(rs, "shipped_at"),
                                    instant(rs, "finished_at"),
                                    rs.getLong("version"),
                                    lines,
                                    "DRAFT".equals(status) ? null : report(lines, status)));
                })
                .optional()
                .map(h -> {
                    List<Long> ids = new ArrayList<>(List.of(h.from(), h.to()));
                    if (h.transit() != null) {
                        ids.add(h.transit());
                    }
                    Map<Long, LocationRef> locations = catalog.locationsById(ids);
                    TransferView v = h.view();
                    return new TransferView(
                            v.id(),
                            v.status(),
                            locations.get(h.from()).code(),
                            locations.get(h.from()).warehouse(),
                            locations.get(h.to()).code(),
                            locations.get(h.to()).warehouse(),
                            h.transit() == null
                                    ? null
                                    : locations.get(h.transit()).code(),
                            v.reference(),
                            v.closeReason(),
                            v.createdBy(),
                            v.createdAt(),
                            v.shippedAt(),
                            v.finishedAt(),
                            v.version(),
                            v.lines(),
                            v.differenceReport());
                });
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
            where.add("(" + CatalogRefs.locationInWarehouseCoded("t.from_location_id", "warehouse") + " OR "
                    + CatalogRefs.locationInWarehouseCoded("t.to_location_id", "warehouse") + ")");
            params.put("warehouse", warehouse.trim());
        }
        String filter = " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) " + FROM + filter)
                .params(params)
                .query(Long.class)
                .single();
        record Row(long from, long to, TransferSummary summary) {}
        List<Row> rows = jdbc.sql(
                        """
                SELECT t.id, t.status, t.from_location_id, t.to_location_id,
                       t.reference, t.created_at, t.shipped_at,
                """ + "(SELECT COUNT(*)" + lines + " AS line_count, (SELECT SUM(tl.qty)" + lines + " AS qty,"
                                + " (SELECT SUM(tl.received_qty)" + lines + " AS received " + FROM + filter
                                + SORT.orderBy(page) + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Row(
                        rs.getLong("from_location_id"),
                        rs.getLong("to_location_id"),
                        new TransferSummary(
                                rs.getLong("id"),
                                rs.getString("status"),
                                null,
                                null,
                                null,
                                null,
                                rs.getString("reference"),
                                rs.getInt("line_count"),
                                qty(rs, "qty"),
                                qty(rs, "received"),
                                instant(rs, "created_at"),
                                instant(rs, "shipped_at"))))
                .list();
        List<Long> locationIds = new ArrayList<>();
        rows.forEach(r -> {
            locationIds.add(r.from());
            locationIds.add(r.to());
        });
        Map<Long, LocationRef> locations = catalog.locationsById(locationIds);
        List<TransferSummary> summaries = rows.stream()
                .map(r -> {
                    TransferSummary t = r.summary();
                    LocationRef from = locations.get(r.from());
                    LocationRef to = locations.get(r.to());
                    return new TransferSummary(
                            t.id(),
                            t.status(),
                            from.code(),
                            from.warehouse(),
                            to.code(),
                            to.warehouse(),
                            t.reference(),
                            t.lines(),
                            t.qty(),
                            t.received(),
                            t.createdAt(),
                            t.shippedAt());
                })
                .toList();
        return new PageResult<>(summaries, page.page(), page.size(), total);
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
