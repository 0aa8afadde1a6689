package org.openvmi.procurement.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openvmi.procurement.ReceiptView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Receipts against PO lines, each line with its lead-time fact. */
@Repository
public class ReceiptRepository {

    private final JdbcClient jdbc;

    ReceiptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    public Optional<ReceiptView> find(long id) {
        return jdbc.sql("""
                SELECT r.*, s.code AS supplier_code, l.code AS location_code, p.status AS po_status
                FROM proc_receipt r JOIN proc_purchase_order p ON p.id = r.po_id JOIN supplier s ON s.id = p.supplier_id
                JOIN location l ON l.id = r.location_id WHERE r.id = :id""")
                .param("id", id)
                .query((rs, n) -> new ReceiptView(
                        rs.getLong("id"),
                        rs.getLong("po_id"),
                        "PO-" + rs.getLong("po_id"),
                        rs.getString("supplier_code"),
                        rs.getString("location_code"),
                        rs.getObject("received_on", LocalDate.class),
                        rs.getString("received_by"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getObject("posting_id", Long.class),
                        rs.getString("po_status"),
                        List.of()))
                .optional()
                .map(h -> new ReceiptView(
                        h.id(),
                        h.purchaseOrder(),
                        h.poNumber(),
                        h.supplier(),
                        h.location(),
                        h.receivedOn(),
                        h.receivedBy(),
                        h.receivedAt(),
                        h.postingId(),
                        h.poStatus(),
                        lines(id)));
    }

    public List<Long> idsOfOrder(long poId) {
        return jdbc.sql("SELECT id FROM proc_receipt WHERE po_id = :po ORDER BY id")
                .param("po", poId)
                .query(Long.class)
                .list();
    }

    private List<ReceiptView.Line> lines(long id) {
        return jdbc.sql("""
                SELECT rl.*, pl.line_no, i.code FROM proc_receipt_line rl JOIN proc_po_line pl ON pl.id = rl.po_line_id
                JOIN item i ON i.id = pl.item_id WHERE rl.receipt_id = :id ORDER BY pl.line_no""")
                .param("id", id)
                .query((rs, n) -> new ReceiptView.Line(
                        rs.getInt("line_no"),
                        rs.getString("code"),
                        rs.getBigDecimal("qty"),
                        rs.getBigDecimal("rejected_qty"),
                        rs.getString("reject_reason"),
                        rs.getBigDecimal("unit_cost"),
                        rs.getInt("lead_time_days"),
                        rs.getBoolean("on_time")))
                .list();
    }
}
