package org.openvmi.procurement.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.procurement.ReceiptView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Receipts against PO lines, each line with its lead-time fact. The SQL reads procurement's tables only; supplier,
 * location and item codes come from catalog (ADR 0052).
 */
@Repository
public class ReceiptRepository {

    private final JdbcClient jdbc;
    private final CatalogRefs catalog;

    ReceiptRepository(JdbcClient jdbc, CatalogRefs catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public long insert(long poId, long locationId, LocalDate receivedOn, String user, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO proc_receipt (po_id, location_id, received_on, received_by, received_at)
                VALUES (:po, :loc, :on, :user, :now)""")
                .param("po", poId)
                .param("loc", locationId)
                .param("on", receivedOn)
                .param("user", user)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void setPosting(long id, long postingId) {
        jdbc.sql("UPDATE proc_receipt SET posting_id = :p WHERE id = :id")
                .param("p", postingId)
                .param("id", id)
                .update();
    }

    public void insertLine(
            long receiptId,
            long poLineId,
            BigDecimal qty,
            BigDecimal rejected,
            String reason,
            BigDecimal unitCost,
            int leadTimeDays,
            boolean onTime) {
        jdbc.sql("""
                INSERT INTO proc_receipt_line (receipt_id, po_line_id, qty, rejected_qty, reject_reason, unit_cost,
                                               lead_time_days, on_time)
                VALUES (:r, :l, :q, :rj, :why, :cost, :lt, :ot)""")
                .param("r", receiptId)
                .param("l", poLineId)
                .param("q", qty)
                .param("rj", rejected)
                .param("why", reason)
                .param("cost", unitCost)
                .param("lt", leadTimeDays)
                .param("ot", onTime)
                .update();
    }

    private record Head(long supplierId, long locationId, ReceiptView view) {}

    public Optional<ReceiptView> find(long id) {
        return jdbc.sql("""
                SELECT r.*, p.supplier_id, p.status AS po_status
                FROM proc_receipt r JOIN proc_purchase_order p ON p.id = r.po_id WHERE r.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Head(
                        rs.getLong("supplier_id"),
                        rs.getLong("location_id"),
                        new ReceiptView(
                                rs.getLong("id"),
                                rs.getLong("po_id"),
                                "PO-" + rs.getLong("po_id"),
                                null,
                                null,
                                rs.getObject("received_on", LocalDate.class),
                                rs.getString("received_by"),
                                rs.getTimestamp("received_at").toInstant(),
                                rs.getObject("posting_id", Long.class),
                                rs.getString("po_status"),
                                List.of())))
                .optional()
                .map(head -> {
                    ReceiptView h = head.view();
                    return new ReceiptView(
                            h.id(),
                            h.purchaseOrder(),
                            h.poNumber(),
                            catalog.supplierCodes(List.of(head.supplierId())).get(head.supplierId()),
                            catalog.locationsById(List.of(head.locationId()))
                                    .get(head.locationId())
                                    .code(),
                            h.receivedOn(),
                            h.receivedBy(),
                            h.receivedAt(),
                            h.postingId(),
                            h.poStatus(),
                            lines(id));
                });
    }

    public List<Long> idsOfOrder(long poId) {
        return jdbc.sql("SELECT id FROM proc_receipt WHERE po_id = :po ORDER BY id")
                .param("po", poId)
                .query(Long.class)
                .list();
    }

    private record LineRow(long itemId, ReceiptView.Line line) {}

    private List<ReceiptView.Line> lines(long id) {
        List<LineRow> rows = jdbc.sql("""
                SELECT rl.*, pl.line_no, pl.item_id FROM proc_receipt_line rl JOIN proc_po_line pl ON pl.id = rl.po_line_id
                WHERE rl.receipt_id = :id ORDER BY pl.line_no""")
                .param("id", id)
                .query((rs, n) -> new LineRow(
                        rs.getLong("item_id"),
                        new ReceiptView.Line(
                                rs.getInt("line_no"),
                                null,
                                rs.getBigDecimal("qty"),
                                rs.getBigDecimal("rejected_qty"),
                                rs.getString("reject_reason"),
                                rs.getBigDecimal("unit_cost"),
                                rs.getInt("lead_time_days"),
                                rs.getBoolean("on_time"))))
                .list();
        Map<Long, ItemRef> items =
                catalog.itemsById(rows.stream().map(LineRow::itemId).distinct().toList());
        return rows.stream()
                .map(r -> {
                    ReceiptView.Line l = r.line();
                    return new ReceiptView.Line(
                            l.lineNo(),
                            items.get(r.itemId()).code(),
                            l.qty(),
                            l.rejectedQty(),
                            l.rejectReason(),
                            l.unitCost(),
                            l.leadTimeDays(),
                            l.onTime());
                })
                .toList();
    }
}
