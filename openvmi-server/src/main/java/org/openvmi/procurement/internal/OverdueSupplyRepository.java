package org.openvmi.procurement.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.procurement.OverdueKind;
import org.openvmi.procurement.OverdueStatus;
import org.openvmi.procurement.OverdueSupplyView;
import org.openvmi.procurement.model.PoNumber;
import org.openvmi.procurement.model.PurchaseOrderStatus;
import org.openvmi.procurement.model.ShipmentNoticeStatus;
import org.openvmi.shared.PageRequest;
import org.openvmi.shared.PageResult;
import org.openvmi.shared.PartyScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Overdue-supply alerts: the lines late today, the open alerts, raising and resolving them. The SQL reads
 * procurement's tables only; supplier, item and warehouse codes of a page come from catalog, one query per kind (ADR
 * 0052).
 */
@Repository
public class OverdueSupplyRepository {

    private static final String SELECT = """
            SELECT o.*, po.id AS po FROM proc_overdue_supply o
            JOIN proc_purchase_order po ON po.id = o.po_id""";

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    OverdueSupplyRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** A line late today, keyed like the alert's open key. */
    public record Late(
            String key,
            OverdueKind kind,
            long poId,
            int poLineNo,
            Long noticeId,
            long itemId,
            long warehouseId,
            long supplierId,
            LocalDate dueOn,
            BigDecimal openQty) {}

    /** Serializes checks across instances until the transaction ends. */
    public void lock() {
        jdbc.sql("SELECT id FROM proc_overdue_guard WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .single();
    }

    /**
     * Open PO lines (ordered − received &gt; 0) of live orders whose confirmed, else needed-by, date is before today,
     * and lines of shipment notices still in transit after their expected date.
     */
    public Map<String, Late> lateOn(LocalDate today) {
        Map<String, Late> late = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT l.id, po.id AS po_id, l.line_no, l.item_id, po.warehouse_id, po.supplier_id,
                       COALESCE(l.confirmed_date, l.needed_by) AS due_on, l.qty - l.received_qty AS open_qty
                FROM proc_po_line l JOIN proc_purchase_order po ON po.id = l.po_id
                WHERE po.status IN (:receivable)
                  AND l.line_status = 'OPEN' AND l.received_qty < l.qty
                  AND COALESCE(l.confirmed_date, l.needed_by) < :today
                ORDER BY l.id""")
                .param("today", java.sql.Date.valueOf(today))
                .param("receivable", PurchaseOrderStatus.receivableNames())
                .query(rs -> {
                    String key = OverdueKind.PO_LINE + ":" + rs.getLong("id");
                    late.put(
                            key,
                            new Late(
                                    key,
                                    OverdueKind.PO_LINE,
                                    rs.getLong("po_id"),
                                    rs.getInt("line_no"),
                                    null,
                                    rs.getLong("item_id"),
                                    rs.getLong("warehouse_id"),
                                    rs.getLong("supplier_id"),
                                    rs.getDate("due_on").toLocalDate(),
                                    rs.getBigDecimal("open_qty")));
                });
        jdbc.sql("""
                SELECT n.id, nl.line_no, po.id AS po_id, nl.po_line_no, l.item_id, po.warehouse_id, po.supplier_id,
                       n.expected_on, nl.qty
                FROM proc_shipment_notice n JOIN proc_shipment_notice_line nl ON nl.notice_id = n.id
                JOIN proc_purchase_order po ON po.id = n.po_id
                JOIN proc_po_line l ON l.po_id = po.id AND l.line_no = nl.po_line_no
                WHERE n.status = :inTransit AND n.expected_on < :today
                ORDER BY n.id, nl.line_no""")
                .param("today", java.sql.Date.valueOf(today))
                .param("inTransit", ShipmentNoticeStatus.IN_TRANSIT.name())
                .query(rs -> {
                    String key = OverdueKind.SHIPMENT_NOTICE + ":" + rs.getLong("id") + ":" + rs.getInt("line_no");
                    late.put(
                            key,
                            new Late(
                                    key,
                                    OverdueKind.SHIPMENT_NOTICE,
                                    rs.getLong("po_id"),
                                    rs.getInt("po_line_no"),
                                    rs.getLong("id"),
                                    rs.getLong("item_id"),
                                    rs.getLong("warehouse_id"),
                                    rs.getLong("supplier_id"),
                                    rs.getDate("expected_on").toLocalDate(),
                                    rs.getBigDecimal("qty")));
                });
        return late;
    }

    /** The open alerts: open key → id. */
    public Map<String, Long> open() {
        Map<String, Long> open = new LinkedHashMap<>();
        jdbc.sql("SELECT id, open_key FROM proc_overdue_supply WHERE status = 'OPEN' ORDER BY id")
                .query(rs -> {
                    open.put(rs.getString("open_key"), rs.getLong("id"));
                });
        return open;
    }

    public long raise(Late l, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO proc_overdue_supply (kind, open_key, po_id, po_line_no, notice_id, item_id, warehouse_id,
                                                 supplier_id, due_on, open_qty, status, raised_at)
                VALUES (:kind, :key, :po, :line, :notice, :item, :wh, :sup, :due, :qty, 'OPEN', :now)""")
                .param("kind", l.kind().name())
                .param("key", l.key())
                .param("po", l.poId())
                .param("line", l.poLineNo())
                .param("notice", l.noticeId())
                .param("item", l.itemId())
                .param("wh", l.warehouseId())
                .param("sup", l.supplierId())
                .param("due", java.sql.Date.valueOf(l.dueOn()))
                .param("qty", l.openQty())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void resolve(long id, Instant now) {
        jdbc.sql(
                        "UPDATE proc_overdue_supply SET status = 'RESOLVED', open_key = NULL, resolved_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    public OverdueSupplyView get(long id, LocalDate today) {
        return withCodes(List.of(jdbc.sql(SELECT + " WHERE o.id = :id")
                        .param("id", id)
                        .query((rs, n) -> row(rs, today))
                        .single()))
                .get(0);
    }

    /** What an alert list is filtered by; a null member does not filter. */
    public record Filter(OverdueStatus status, OverdueKind kind, Long warehouseId, Long supplierId) {}

    public PageResult<OverdueSupplyView> find(Filter filter, PartyScope scope, LocalDate today, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE ").append(scope.predicate("o.supplier_id"));
        Map<String, Object> args = new HashMap<>();
        args.put("scopeSupplierId", scope.supplierIdParam());
        and(
                where,
                args,
                "o.status",
                "status",
                filter.status() == null ? null : filter.status().name());
        and(
                where,
                args,
                "o.kind",
                "kind",
                filter.kind() == null ? null : filter.kind().name());
        and(where, args, "o.warehouse_id", "warehouse", filter.warehouseId());
        and(where, args, "o.supplier_id", "supplier", filter.supplierId());
        long total = jdbc.sql("SELECT COUNT(*) FROM proc_overdue_supply o" + where)
                .params(args)
                .query(Long.class)
                .single();
        List<OverdueSupplyView> rows =
                withCodes(jdbc.sql(SELECT + where + " ORDER BY o.due_on, o.id LIMIT :limit OFFSET :offset")
                        .params(args)
                        .param("limit", page.size())
                        .param("offset", page.offset())
                        .query((rs, n) -> row(rs, today))
                        .list());
        return new PageResult<>(rows, page.page(), page.size(), total);
    }

    private static void and(StringBuilder where, Map<String, Object> args, String column, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = :").append(name);
            args.put(name, value);
        }
    }

    /** An alert before catalog's codes. */
    private record Row(long supplierId, long itemId, long warehouseId, OverdueSupplyView view) {}

    /** The rows with supplier, item and warehouse codes, one catalog query per kind. */
    private List<OverdueSupplyView> withCodes(List<Row> rows) {
        Map<Long, String> suppliers = catalog.supplierCodes(
                rows.stream().map(Row::supplierId).distinct().toList());
        Map<Long, ItemRef> items =
                catalog.itemsById(rows.stream().map(Row::itemId).distinct().toList());
        Map<Long, NamedRef> warehouses = catalog.warehousesById(
                rows.stream().map(Row::warehouseId).distinct().toList());
        return rows.stream()
                .map(r -> {
                    OverdueSupplyView v = r.view();
                    ItemRef item = items.get(r.itemId());
                    return new OverdueSupplyView(
                            v.id(),
                            v.kind(),
                            v.status(),
                            v.purchaseOrder(),
                            v.poNumber(),
                            v.poLine(),
                            v.shipmentNotice(),
                            suppliers.get(r.supplierId()),
                            item.code(),
                            item.name(),
                            warehouses.get(r.warehouseId()).code(),
                            v.dueOn(),
                            v.openQty(),
                            v.daysLate(),
                            v.raisedAt(),
                            v.resolvedAt());
                })
                .toList();
    }

    private static Row row(ResultSet rs, LocalDate today) throws SQLException {
        return new Row(rs.getLong("supplier_id"), rs.getLong("item_id"), rs.getLong("warehouse_id"), view(rs, today));
    }

    private static OverdueSupplyView view(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getDate("due_on").toLocalDate();
        Timestamp resolved = rs.getTimestamp("resolved_at");
        long notice = rs.getLong("notice_id");
        Long noticeId = rs.wasNull() ? null : notice;
        return new OverdueSupplyView(
                rs.getLong("id"),
                OverdueKind.valueOf(rs.getString("kind")),
                OverdueStatus.valueOf(rs.getString("status")),
                rs.getLong("po"),
                PoNumber.format(rs.getLong("po")),
                rs.getInt("po_line_no"),
                noticeId,
                null,
                null,
                null,
                null,
                due,
                rs.getBigDecimal("open_qty"),
                Math.max(0, ChronoUnit.DAYS.between(due, today)),
                rs.getTimestamp("raised_at").toInstant(),
                resolved == null ? null : resolved.toInstant());
    }
}
