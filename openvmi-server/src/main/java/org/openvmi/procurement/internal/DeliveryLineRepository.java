package org.openvmi.procurement.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.procurement.DeliveryLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * PO lines with their first answer (confirmation or proposal) and their last receipt day. The SQL reads procurement's
 * tables only; supplier and warehouse codes are resolved to ids first, item and warehouse codes and the source list's
 * lead time come from catalog afterwards, one query per kind (ADR 0052).
 */
@Repository
public class DeliveryLineRepository {

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    DeliveryLineRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** A PO line before catalog's codes. */
    private record Row(
            long itemId,
            long warehouseId,
            long poId,
            int lineNo,
            LocalDate orderedOn,
            java.time.Instant createdAt,
            java.time.Instant answeredAt,
            LocalDate due,
            java.math.BigDecimal qty,
            java.math.BigDecimal receivedQty,
            LocalDate lastReceivedOn,
            boolean cancelled) {}

    public List<DeliveryLine> lines(String supplier, String warehouse, LocalDate from, LocalDate to) {
        if (supplier == null) {
            return List.of();
        }
        Long supplierId = catalog.suppliers(List.of(supplier)).get(supplier);
        Long warehouseId = warehouse == null
                ? null
                : catalog.warehouses(List.of(warehouse)).get(warehouse);
        if (supplierId == null || (warehouse != null && warehouseId == null)) {
            return List.of();
        }
        List<Row> rows = jdbc.sql("""
                SELECT po.id AS po_id, l.line_no, l.item_id, po.warehouse_id, po.ordered_on, po.created_at,
                       po.status, l.qty, l.received_qty, COALESCE(l.confirmed_date, l.needed_by) AS due,
                       (SELECT MIN(e.happened_at) FROM proc_po_event e WHERE e.po_id = po.id
                         AND e.event_type IN ('CONFIRMED', 'CHANGE_PROPOSED')) AS answered_at,
                       (SELECT MAX(r.received_on) FROM proc_receipt r JOIN proc_receipt_line rl ON rl.receipt_id = r.id
                         WHERE rl.po_line_id = l.id) AS last_received_on
                FROM proc_po_line l
                JOIN proc_purchase_order po ON po.id = l.po_id
                WHERE po.supplier_id = :supplier AND (CAST(:warehouse AS BIGINT) IS NULL OR po.warehouse_id = :warehouse)
                  AND po.ordered_on <= :to AND po.ordered_on >= :earliest
                ORDER BY po.id, l.line_no""")
                .param("supplier", supplierId)
                .param("warehouse", warehouseId)
                .param("to", Date.valueOf(to))
                // a line ordered long before the period can still be due or received in it: a year is the horizon
                .param("earliest", Date.valueOf(from.minusYears(1)))
                .query((rs, n) -> {
                    Timestamp answered = rs.getTimestamp("answered_at");
                    Date due = rs.getDate("due");
                    Date last = rs.getDate("last_received_on");
                    return new Row(
                            rs.getLong("item_id"),
                            rs.getLong("warehouse_id"),
                            rs.getLong("po_id"),
                            rs.getInt("line_no"),
                            rs.getDate("ordered_on").toLocalDate(),
                            rs.getTimestamp("created_at").toInstant(),
                            answered == null ? null : answered.toInstant(),
                            due == null ? null : due.toLocalDate(),
                            rs.getBigDecimal("qty"),
                            rs.getBigDecimal("received_qty"),
                            last == null ? null : last.toLocalDate(),
                            "CANCELLED".equals(rs.getString("status")));
                })
                .list();
        List<Long> itemIds = rows.stream().map(Row::itemId).distinct().toList();
        Map<Long, ItemRef> items = catalog.itemsById(itemIds);
        Map<Long, NamedRef> warehouses = catalog.warehousesById(
                rows.stream().map(Row::warehouseId).distinct().toList());
        Map<Long, CatalogRefs.SourceTerms> terms =
                catalog.sourceTerms(List.of(supplierId), itemIds).getOrDefault(supplierId, Map.of());
        return rows.stream()
                .map(r -> {
                    CatalogRefs.SourceTerms t = terms.get(r.itemId());
                    return new DeliveryLine(
                            "PO-" + r.poId(),
                            r.lineNo(),
                            items.get(r.itemId()).code(),
                            warehouses.get(r.warehouseId()).code(),
                            r.orderedOn(),
                            r.createdAt(),
                            r.answeredAt(),
                            r.due(),
                            r.qty(),
                            r.receivedQty(),
                            r.lastReceivedOn(),
                            r.cancelled(),
                            t == null ? null : t.leadTimeDays());
                })
                .toList();
    }
}
