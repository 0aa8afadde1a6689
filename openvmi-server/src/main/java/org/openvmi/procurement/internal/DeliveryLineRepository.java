package org.openvmi.procurement.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.openvmi.procurement.DeliveryLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** PO lines with their first answer (confirmation or proposal) and their last receipt day. */
@Repository
public class DeliveryLineRepository {

    private final JdbcClient jdbc;

    DeliveryLineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DeliveryLine> lines(String supplier, String warehouse, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT po.id AS po_id, l.line_no, i.code AS item, w.code AS warehouse, po.ordered_on, po.created_at,
                       po.status, l.qty, l.received_qty, COALESCE(l.confirmed_date, l.needed_by) AS due,
                       (SELECT MIN(e.happened_at) FROM proc_po_event e WHERE e.po_id = po.id
                         AND e.event_type IN ('CONFIRMED', 'CHANGE_PROPOSED')) AS answered_at,
                       (SELECT MAX(r.received_on) FROM proc_receipt r JOIN proc_receipt_line rl ON rl.receipt_id = r.id
                         WHERE rl.po_line_id = l.id) AS last_received_on,
                       si.lead_time_days
                FROM proc_po_line l
                JOIN proc_purchase_order po ON po.id = l.po_id
                JOIN supplier s ON s.id = po.supplier_id
                JOIN item i ON i.id = l.item_id
                JOIN warehouse w ON w.id = po.warehouse_id
                LEFT JOIN supplier_item si ON si.supplier_id = s.id AND si.item_id = l.item_id
                WHERE s.code = :supplier AND (CAST(:warehouse AS VARCHAR(64)) IS NULL OR w.code = :warehouse)
                  AND po.ordered_on <= :to AND po.ordered_on >= :earliest
                ORDER BY po.id, l.line_no""")
                .param("supplier", supplier)
                .param("warehouse", warehouse)
                .param("to", Date.valueOf(to))
                // a line ordered long before the period can still be due or received in it: a year is the horizon
                .param("earliest", Date.valueOf(from.minusYears(1)))
                .query((rs, n) -> {
                    Timestamp answered = rs.getTimestamp("answered_at");
                    Date due = rs.getDate("due");
                    Date last = rs.getDate("last_received_on");
                    int lead = rs.getInt("lead_time_days");
                    Integer leadTime = rs.wasNull() ? null : lead;
                    return new DeliveryLine(
                            "PO-" + rs.getLong("po_id"),
                            rs.getInt("line_no"),
                            rs.getString("item"),
                            rs.getString("warehouse"),
                            rs.getDate("ordered_on").toLocalDate(),
                            rs.getTimestamp("created_at").toInstant(),
                            answered == null ? null : answered.toInstant(),
                            due == null ? null : due.toLocalDate(),
                            rs.getBigDecimal("qty"),
                            rs.getBigDecimal("received_qty"),
                            last == null ? null : last.toLocalDate(),
                            "CANCELLED".equals(rs.getString("status")),
                            leadTime);
                })
                .list();
    }
}
